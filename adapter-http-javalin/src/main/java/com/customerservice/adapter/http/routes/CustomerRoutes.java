package com.customerservice.adapter.http.routes;

import com.customerservice.adapter.http.UseCases;
import com.customerservice.adapter.http.auth.Scope;
import com.customerservice.adapter.http.json.Json;
import com.customerservice.adapter.http.json.JsonBody;
import com.customerservice.adapter.http.request.ListCustomersRequest;
import com.customerservice.adapter.http.request.Multipart;
import com.customerservice.adapter.http.request.UpdateCustomerRequest;
import com.customerservice.adapter.http.request.Uploads;
import com.customerservice.adapter.http.response.CustomerResponse;
import com.customerservice.adapter.http.response.Responses;
import com.customerservice.application.port.in.ChangeProfilePictureUseCase;
import com.customerservice.application.port.in.UpdateCustomerUseCase;
import com.customerservice.domain.error.InvalidValueException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The customer resource: read, partial update, close, list, profile picture, and receiver look-up.
 * Literal paths are registered before {@code /v1/customers/{id}}, so they are never taken for an
 * id.
 */
public final class CustomerRoutes {
  private static final String RECEIVER_PREFIX = "/v1/customers/get-receiver/";
  private final UseCases useCases;
  private final Uploads uploads;

  public CustomerRoutes(UseCases useCases, Uploads uploads) {
    this.useCases = useCases;
    this.uploads = uploads;
  }

  public void register(RoutesConfig routes) {
    routes.get("/v1/customers", this::list, Scope.CUSTOMERS);
    routes.get(RECEIVER_PREFIX + "{phone_number}", this::receiver, Scope.CUSTOMERS);
    routes.get("/v1/customers/{id}", this::get, Scope.CUSTOMERS);
    routes.put("/v1/customers/{id}", this::update, Scope.CUSTOMERS);
    routes.delete("/v1/customers/{id}", this::close, Scope.CUSTOMERS);
    routes.post("/v1/customers/{id}/profile/picture", this::changePicture, Scope.CUSTOMERS);
  }

  private void get(Context ctx) {
    Json.write(ctx, 200, CustomerResponse.Envelope.of(useCases.get().get(ctx.pathParam("id"))));
  }

  private void update(Context ctx) {
    JsonBody body = JsonBody.read(ctx, UpdateCustomerRequest.FIELDS);
    var changes = UpdateCustomerRequest.toChanges(body);
    var updated =
        useCases.update().update(new UpdateCustomerUseCase.Command(ctx.pathParam("id"), changes));
    Json.write(ctx, 200, CustomerResponse.Envelope.of(updated));
  }

  private void close(Context ctx) {
    Json.write(ctx, 200, Responses.Deleted.of(useCases.close().close(ctx.pathParam("id"))));
  }

  private void list(Context ctx) {
    Json.write(
        ctx, 200, Responses.CustomerList.of(useCases.list().list(ListCustomersRequest.from(ctx))));
  }

  private void changePicture(Context ctx) {
    // An unknown customer is a 404 before anything is read from the body.
    useCases.get().get(ctx.pathParam("id"));
    Multipart.require(ctx);
    var updated =
        uploads.admitted(
            ctx,
            () -> {
              // Decoded once, straight to the re-encoded copy that is stored.
              var picture =
                  uploads
                      .image(ctx, "image", uploads.profilePicture())
                      .orElseThrow(() -> InvalidValueException.missing("image"));
              return useCases
                  .changePicture()
                  .change(new ChangeProfilePictureUseCase.Command(ctx.pathParam("id"), picture));
            });
    Json.write(ctx, 200, CustomerResponse.Envelope.of(updated));
  }

  /** The phone may arrive with a raw {@code +} or as {@code %2B}; Javalin decodes both alike. */
  private void receiver(Context ctx) {
    Json.write(
        ctx, 200, Responses.Receiver.of(useCases.receiver().find(ctx.pathParam("phone_number"))));
  }
}
