//! The JSON API under `/api/v1`, for the tools of organisations that help parents. Without a
//! token: advice for a situation, the questions, the route's steps and the knowledge search
//! (`knowledge`). With a personal access token from the account page: the token owner's
//! cases, their timelines and deadlines, and a new event (`cases`). Who calls is the token
//! alone (`caller`); errors are problem details (`problem`); the OpenAPI document is generated
//! from the handlers (`openapi`). The routes are listed in `router.rs` like every other.
//!
//! The API uses `http` and the domain crates (`cases`, `route`, `search`, `store`), never
//! another area, as the pages do.

pub mod caller;
pub mod cases;
pub mod knowledge;
pub mod openapi;
pub mod problem;

use axum::response::{IntoResponse, Response};

/// An address under `/api/` that is no route: a 404 problem rather than a page.
pub fn not_found() -> Response {
    problem::Problem::not_found("There is no such route. See /api/v1/openapi.json.").into_response()
}
