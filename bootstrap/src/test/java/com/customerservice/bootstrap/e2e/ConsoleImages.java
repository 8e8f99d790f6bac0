package com.customerservice.bootstrap.e2e;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Drawn stand-ins for the evidence a reviewer judges: an identity card's two sides (marked
 * SPECIMEN, no real person's data) and a selfie. Each card differs a little by {@code seed}, so the
 * sandbox reads a different person off each.
 */
final class ConsoleImages {
  private ConsoleImages() {}

  static byte[] cardFront(int seed) {
    BufferedImage image = new BufferedImage(640, 404, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas(image);
    g.setPaint(new GradientPaint(0, 0, new Color(0xDCEFE4), 640, 404, new Color(0xF6F1DC)));
    g.fillRect(0, 0, 640, 404);
    g.setColor(new Color(0x0B6E4F));
    g.fillRect(0, 0, 640, 56);
    g.setColor(Color.WHITE);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
    g.drawString("REPÚBLICA DE MOÇAMBIQUE", 24, 36);
    g.setColor(new Color(0x0B6E4F));
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
    g.drawString("BILHETE DE IDENTIDADE", 24, 84);
    portrait(g, 24, 104, 170, 220, seed);
    Random random = new Random(seed);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    String[] labels = {"Apelido", "Nome", "Data de nascimento", "Local", "Nº"};
    for (int i = 0; i < labels.length; i++) {
      int y = 120 + i * 44;
      g.setColor(new Color(0x4A5A52));
      g.drawString(labels[i], 220, y);
      g.setColor(new Color(0x2B2B2B));
      g.fillRoundRect(220, y + 8, 140 + random.nextInt(200), 14, 6, 6);
    }
    g.setColor(new Color(200, 40, 40, 90));
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 64));
    g.rotate(-0.35, 320, 220);
    g.drawString("SPECIMEN", 170, 250);
    g.dispose();
    return jpeg(image);
  }

  static byte[] cardBack(int seed) {
    BufferedImage image = new BufferedImage(640, 404, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas(image);
    g.setColor(new Color(0xEEF2EC));
    g.fillRect(0, 0, 640, 404);
    Random random = new Random(seed * 31L);
    g.setColor(new Color(0x2B2B2B));
    for (int x = 24; x < 616; x += 3 + random.nextInt(4)) {
      g.fillRect(x, 40, 1 + random.nextInt(3), 90);
    }
    g.setColor(new Color(0x4A5A52));
    g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 21));
    g.drawString("IDMOZ<<SPECIMEN<<<<<<<<<<<<<<", 24, 300);
    g.drawString("9001011M3001012MOZ<<<<<<<<<<", 24, 332);
    g.drawString("SPECIMEN<<SANDBOX<<<<<<<<<<<", 24, 364);
    g.dispose();
    return jpeg(image);
  }

  /** A selfie {@code width} px wide: the sandbox decides by a selfie's width. */
  static byte[] selfie(int width, int seed) {
    int height = width * 5 / 4;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas(image);
    g.setPaint(new GradientPaint(0, 0, new Color(0xC9D6E3), 0, height, new Color(0x8FA3B8)));
    g.fillRect(0, 0, width, height);
    portrait(g, 0, height / 10, width, height - height / 10, seed);
    g.dispose();
    return jpeg(image);
  }

  private static void portrait(Graphics2D g, int x, int y, int w, int h, int seed) {
    Color[] skins = {new Color(0x6B4226), new Color(0x8D5524), new Color(0x5A3A22)};
    Color skin = skins[Math.floorMod(seed, skins.length)];
    g.setColor(new Color(0x3A4A5A));
    g.fillRoundRect(x + w / 8, y + h * 2 / 3, w * 3 / 4, h / 3 + 20, w / 3, w / 3);
    g.setColor(skin);
    g.fillRect(x + w * 2 / 5, y + h / 2, w / 5, h / 5);
    g.fillOval(x + w / 4, y + h / 10, w / 2, h * 3 / 5);
    g.setColor(new Color(0x1E1410));
    g.fillArc(x + w / 4, y + h / 14, w / 2, h / 3, 0, 180);
    g.setColor(Color.WHITE);
    g.fillOval(x + w * 7 / 20, y + h * 3 / 10, w / 10, h / 22);
    g.fillOval(x + w * 11 / 20, y + h * 3 / 10, w / 10, h / 22);
    g.setColor(new Color(0x1E1410));
    g.fillOval(x + w * 8 / 20, y + h * 3 / 10 + 2, w / 28, h / 26);
    g.fillOval(x + w * 12 / 20, y + h * 3 / 10 + 2, w / 28, h / 26);
    g.setStroke(new BasicStroke(Math.max(2, w / 120f)));
    g.drawArc(x + w * 2 / 5, y + h * 9 / 20, w / 5, h / 12, 200, 140);
  }

  private static Graphics2D canvas(BufferedImage image) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    return g;
  }

  private static byte[] jpeg(BufferedImage image) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "jpeg", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
