package com.customerservice.adapter.http.routes;

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
import com.customerservice.application.port.in.CloseCustomerUseCase;
import com.customerservice.application.port.in.GetCustomerUseCase;
import com.customerservice.application.port.in.GetReceiverUseCase;
import com.customerservice.application.port.in.ListCustomersUseCase;
import com.customerservice.application.port.in.UpdateCustomerUseCase;
import com.customerservice.domain.error.InvalidValueException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The customer resource: read, partial update, close, list, profile picture, and receiver look-up.
 * Literal paths are registered before {@code /v1/customers/{id}}, so they are never taken for an
 * id. Each handler parses, calls one use case and writes its answer.
 */
public final class CustomerRoutes {
  private static final String RECEIVER_PREFIX = "/v1/customers/get-receiver/";
  private final GetCustomerUseCase get;
  private final UpdateCustomerUseCase update;
  private final CloseCustomerUseCase close;
  private final ListCustomersUseCase list;
  private final ChangeProfilePictureUseCase changePicture;
  private final GetReceiverUseCase receiver;
  private final Uploads uploads;

  public CustomerRoutes(
      GetCustomerUseCase get,
      UpdateCustomerUseCase update,
      CloseCustomerUseCase close,
      ListCustomersUseCase list,
      ChangeProfilePictureUseCase changePicture,
      GetReceiverUseCase receiver,
      Uploads uploads) {
    this.get = get;
    this.update = update;
    this.close = close;
    this.list = list;
    this.changePicture = changePicture;
    this.receiver = receiver;
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
    Json.write(ctx, 200, CustomerResponse.Envelope.of(get.get(ctx.pathParam("id"))));
  }

  private void update(Context ctx) {
    JsonBody body = JsonBody.read(ctx, UpdateCustomerRequest.FIELDS);
    var changes = UpdateCustomerRequest.toChanges(body);
    var updated = update.update(new UpdateCustomerUseCase.Command(ctx.pathParam("id"), changes));
    Json.write(ctx, 200, CustomerResponse.Envelope.of(updated));
  }

  private void close(Context ctx) {
    Json.write(ctx, 200, Responses.Deleted.of(close.close(ctx.pathParam("id"))));
  }

  private void list(Context ctx) {
    Json.write(ctx, 200, Responses.CustomerList.of(list.list(ListCustomersRequest.from(ctx))));
  }

  /** The body is read only once the use case knows the customer: an unknown one costs nothing. */
  private void changePicture(Context ctx) {
    var updated =
        uploads.admitted(
            ctx,
            () ->
                changePicture.change(
                    new ChangeProfilePictureUseCase.Command(
                        ctx.pathParam("id"),
                        () -> {
                          Multipart.require(ctx);
                          // Decoded once, straight to the re-encoded copy that is stored.
                          return uploads
                              .image(ctx, "image", uploads.profilePicture())
                              .orElseThrow(() -> InvalidValueException.missing("image"));
                        })));
    Json.write(ctx, 200, CustomerResponse.Envelope.of(updated));
  }

  /** The phone may arrive with a raw {@code +} or as {@code %2B}; Javalin decodes both alike. */
  private void receiver(Context ctx) {
    Json.write(ctx, 200, Responses.Receiver.of(receiver.find(ctx.pathParam("phone_number"))));
  }
}
