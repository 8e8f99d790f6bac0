package com.customerservice.adapter.http.routes;

import com.customerservice.adapter.http.auth.Scope;
import com.customerservice.application.port.in.ReadStoredFileUseCase;
import com.customerservice.domain.file.StoredFile;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** Serves stored profile pictures with their image content type. */
public final class FileRoutes {
  private final ReadStoredFileUseCase files;

  public FileRoutes(ReadStoredFileUseCase files) {
    this.files = files;
  }

  public void register(RoutesConfig routes) {
    routes.get("/files/{bucket}/{file_id}", this::read, Scope.CUSTOMERS);
  }

  private void read(Context ctx) {
    StoredFile file = files.read(ctx.pathParam("bucket"), ctx.pathParam("file_id"));
    ctx.header("Cache-Control", "private, max-age=3600");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.status(200).contentType(file.type().mediaType()).result(file.content());
  }
}
