//! One log line per request: method, the matched route pattern (`/vragen/{id}`, never the raw
//! path or query, which could carry what a visitor typed), status and latency. No cookies, no
//! answers.

use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::middleware::Next;
use axum::response::Response;

/// The route pattern, handed from the router to the outer log layer in the response.
#[derive(Clone)]
pub(crate) struct RoutePattern(pub(crate) String);

/// Inside the router (as a route layer): remembers which route matched.
pub async fn mark_route(matched: Option<MatchedPath>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    if let Some(m) = matched {
        response
            .extensions_mut()
            .insert(RoutePattern(m.as_str().to_string()));
    }
    response
}

/// Outside everything: writes the log line.
pub async fn log(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let start = Instant::now();
    let response = next.run(request).await;
    let route = response
        .extensions()
        .get::<RoutePattern>()
        .map(|r| r.0.as_str())
        .unwrap_or("(no route)");
    tracing::info!(
        target: "request",
        method = %method,
        route,
        status = response.status().as_u16(),
        latency_us = start.elapsed().as_micros() as u64,
    );
    response
}
