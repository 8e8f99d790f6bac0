// The reference reads the document this service publishes, and nothing from elsewhere.
window.ui = SwaggerUIBundle({ url: "/openapi.yaml", dom_id: "#swagger-ui", deepLinking: true });
