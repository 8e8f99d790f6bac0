package com.customerservice.adapter.kyc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.domain.kyc.DocumentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDocumentCatalogueTest {

  @Test
  void theBundledCatalogueHasMozambiquesDocumentsWithTheirSides() {
    var catalogue = FileDocumentCatalogue.bundled();
    assertThat(catalogue.find("MZ_BI"))
        .contains(new DocumentType("MZ_BI", "Bilhete de Identidade", "MZ", true));
    assertThat(catalogue.find("MZ_PASSPORT").orElseThrow().hasBack()).isFalse();
    assertThat(catalogue.find("MZ_DIRE").orElseThrow().hasBack()).isTrue();
    assertThat(catalogue.find("MZ_DRIVING_LICENCE").orElseThrow().hasBack()).isTrue();
    assertThat(catalogue.supported())
        .filteredOn(t -> t.code().endsWith("_PASSPORT") && !t.country().equals("MZ"))
        .hasSizeGreaterThan(5);
    assertThat(catalogue.supported().get(0).code()).isEqualTo("MZ_BI");
  }

  @Test
  void anOperatorsFileReplacesIt(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("docs.csv");
    Files.writeString(file, "# mine\nZA_ID,Smart ID,ZA,true\n");
    assertThat(FileDocumentCatalogue.fromFile(file).supported())
        .containsExactly(new DocumentType("ZA_ID", "Smart ID", "ZA", true));
  }

  @Test
  void aBadFileIsRefusedNamingTheLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("docs.csv");
    Files.writeString(file, "ZA_ID,Smart ID,ZA,true\nbroken line\n");
    assertThatThrownBy(() -> FileDocumentCatalogue.fromFile(file)).hasMessageContaining(":2:");
    Files.writeString(file, "ZA_ID,Smart ID,ZA,true\nZA_ID,Again,ZA,false\n");
    assertThatThrownBy(() -> FileDocumentCatalogue.fromFile(file))
        .hasMessageContaining("duplicate");
    Files.writeString(file, "# nothing\n");
    assertThatThrownBy(() -> FileDocumentCatalogue.fromFile(file))
        .hasMessageContaining("no document type");
  }
}
