//! The OpenAPI 3.1 document of the API, generated from the handlers' `#[utoipa::path]`
//! attributes and the types they answer with; served at `/api/v1/openapi.json` and nowhere
//! else. A test checks it against the routes of `router.rs`.

use axum::Json;
use axum::response::{IntoResponse, Response};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::{cases, knowledge};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Routewijzer API",
        version = "1",
        description = "The school-conflict route of Routewijzer as JSON: advice for a situation, \
            the questions, the steps and the knowledge search without a token; a parent's cases \
            with a personal access token (`Authorization: Bearer rw_...`, made on the account \
            page). Errors are problem details (RFC 9457). See docs/api.md."
    ),
    paths(
        document,
        knowledge::advise,
        knowledge::questions,
        knowledge::route,
        knowledge::search,
        cases::list,
        cases::show,
        cases::events,
        cases::deadlines,
        cases::add_event,
    ),
    modifiers(&TokenAuth),
    tags(
        (name = "advice", description = "The route for anyone, no token needed"),
        (name = "cases", description = "The token owner's cases"),
    )
)]
pub struct ApiDoc;

/// The `token` security scheme the case routes name: a bearer token.
struct TokenAuth;

impl Modify for TokenAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "A personal access token (rw_ and 64 hex digits) from the account page",
                    ))
                    .build(),
            ),
        );
    }
}

/// `GET /api/v1/openapi.json`
#[utoipa::path(
    get,
    path = "/api/v1/openapi.json",
    tag = "advice",
    summary = "This document",
    responses((status = 200, description = "The OpenAPI 3.1 document of the API", body = Object))
)]
pub async fn document() -> Response {
    Json(ApiDoc::openapi()).into_response()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// The API routes of `router.rs`, as (method, path): every `.route("/api/v1...", ...)` with
    /// the method routers named in it.
    fn router_routes() -> BTreeSet<(String, String)> {
        let router = include_str!("../router.rs");
        let mut out = BTreeSet::new();
        for piece in router.split(".route(").skip(1) {
            let Some(path) = piece.trim_start().strip_prefix('"') else {
                continue;
            };
            let path = path.split('"').next().unwrap_or_default();
            if !path.starts_with("/api/") {
                continue;
            }
            for method in ["get", "post", "put", "patch", "delete"] {
                let named = piece.match_indices(&format!("{method}(")).any(|(i, _)| {
                    i == 0 || !piece[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_')
                });
                if named {
                    out.insert((method.to_string(), path.to_string()));
                }
            }
        }
        out
    }

    fn document_routes() -> BTreeSet<(String, String)> {
        let doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
        let mut out = BTreeSet::new();
        for (path, item) in doc["paths"].as_object().unwrap() {
            for method in item.as_object().unwrap().keys() {
                out.insert((method.clone(), path.clone()));
            }
        }
        out
    }

    #[test]
    fn the_document_and_the_router_have_the_same_routes() {
        let router = router_routes();
        assert!(
            router.len() >= 10,
            "the router's API routes were not found: {router:?}"
        );
        assert_eq!(router, document_routes());
    }

    #[test]
    fn the_document_is_openapi_3_1() {
        let doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
        assert_eq!(doc["openapi"], "3.1.0");
        assert_eq!(
            doc["components"]["securitySchemes"]["token"]["scheme"],
            "bearer"
        );
    }
}
