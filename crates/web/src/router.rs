//! Every route of the app, in one list, with the middleware that every request passes: request
//! logs, security headers, sessions and the CSRF guard. Routes under `/dossiers/{case}` are
//! authorised by [`crate::http::case_access::CaseAccess`] with the action of each in
//! [`crate::http::case_access::CASE_ROUTES`].

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use store::SessionBackend;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

use crate::config::Config;
use crate::http::error::PageError;
use crate::http::i18n::Lang;
use crate::http::state::AppState;
use crate::http::{csrf, headers, i18n, logging};
use crate::{account, api, cases, intake, knowledge, letters, organisation, route, sharing};

pub fn router(state: AppState, config: &Config) -> Router {
    let backend = if state.shared_store {
        SessionBackend::shared(state.store.clone())
    } else {
        SessionBackend::new(state.store.clone())
    };
    // The cached route page is sent from in front of the sessions, reading this same memory.
    let fast_backend = backend.clone();
    let sessions = SessionManagerLayer::new(backend)
        .with_name(crate::SESSION_COOKIE)
        .with_expiry(Expiry::OnInactivity(time::Duration::seconds(
            crate::SESSION_IDLE.as_secs() as i64,
        )))
        .with_secure(config.secure_cookies)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        // Save on every request so that the idle expiry moves; the backend skips needless writes.
        .with_always_save(true);
    let static_files = tower::ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::overriding(
            axum::http::header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("public, max-age=3600"),
        ))
        .service(ServeDir::new(&config.static_dir));
    // The CSRF guard, which keeps the forms' limits, lets the API by; its bodies are small.
    let api_body_limit = axum::extract::DefaultBodyLimit::max(crate::FORM_LIMIT);
    Router::new()
        .route("/", get(intake::start))
        .route(
            intake::own_words::PATH,
            get(intake::own_words::form).post(intake::own_words::read),
        )
        .route("/vragen", get(intake::next))
        .route("/vragen/{id}", get(intake::question).post(intake::answer))
        .route("/regio", get(intake::region).post(intake::region_answer))
        .route("/controle", get(intake::check))
        .route("/opnieuw", get(intake::restart_page).post(intake::restart))
        .route("/route", get(route::show))
        .route("/route/waarom", get(route::why))
        .route("/route.ics", get(route::calendar))
        .route("/plan.pdf", get(route::plan))
        .route("/brieven/{id}", get(letters::show).post(letters::post))
        .route(
            csrf::UPLOAD_PATH,
            get(intake::answers_file::page).post(intake::answers_file::upload),
        )
        .route("/antwoorden/bestand", get(intake::answers_file::download))
        .route("/kennis", get(knowledge::index))
        .route("/kennis/stappen/{id}", get(knowledge::step))
        .route("/kennis/organisaties/{id}", get(knowledge::organisation))
        .route("/kennis/artikelen/{id}", get(knowledge::article))
        .route("/begrippen", get(knowledge::glossary))
        .route("/zoeken", get(knowledge::search::search))
        .route("/taal/{code}", get(i18n::switch))
        .route("/health", get(health))
        .route(
            "/account/nieuw",
            get(account::login::signup_page).post(account::login::signup),
        )
        .route(
            "/inloggen",
            get(account::login::login_page).post(account::login::login),
        )
        .route(
            "/inloggen/code",
            get(account::code::code_form).post(account::code::code),
        )
        .route("/account/tweestaps/aan", post(account::code::totp_on))
        .route("/account/tweestaps/uit", post(account::code::totp_off))
        .route(
            "/wachtwoord-vergeten",
            get(account::reset::ask_page).post(account::reset::ask),
        )
        .route(
            "/wachtwoord-herstellen/{token}",
            get(account::reset::choose_page).post(account::reset::choose),
        )
        .route("/uitloggen", post(account::logout))
        .route("/uitloggen/overal", post(account::logout_everywhere))
        .route("/account", get(account::show))
        .route("/account/verwijderen", post(account::delete))
        .route("/account/api-sleutels", post(account::tokens::create))
        .route(
            "/account/api-sleutels/{id}/intrekken",
            post(account::tokens::revoke),
        )
        .route(
            "/dossiers",
            get(cases::list::list).post(cases::list::create),
        )
        .route(
            "/dossiers/importeren",
            post(cases::list::import)
                .layer(axum::extract::DefaultBodyLimit::max(crate::IMPORT_LIMIT)),
        )
        .route("/dossiers/{case}", get(cases::page::show))
        .route(
            "/dossiers/{case}/gebeurtenissen",
            post(cases::events::add_event).layer(axum::extract::DefaultBodyLimit::max(
                crate::ATTACHMENT_LIMIT,
            )),
        )
        .route(
            "/dossiers/{case}/gebeurtenissen/{event}",
            get(cases::events::edit_page).post(cases::events::edit),
        )
        .route(
            "/dossiers/{case}/bijlagen/{attachment}",
            get(cases::events::attachment),
        )
        .route("/dossiers/{case}/kinderen", post(cases::people::add_child))
        .route(
            "/dossiers/{case}/kinderen/{child}",
            get(cases::people::child_edit_page).post(cases::people::edit_child),
        )
        .route(
            "/dossiers/{case}/kinderen/{child}/verwijderen",
            post(cases::people::delete_child),
        )
        .route("/dossiers/{case}/partijen", post(cases::people::add_party))
        .route(
            "/dossiers/{case}/partijen/{party}",
            get(cases::people::party_edit_page).post(cases::people::edit_party),
        )
        .route(
            "/dossiers/{case}/partijen/{party}/verwijderen",
            post(cases::people::delete_party),
        )
        .route(
            "/dossiers/{case}/gesprek/{step}",
            get(cases::conversation::show).post(cases::conversation::save_report),
        )
        .route(
            "/dossiers/{case}/gesprek/{step}/doel",
            post(cases::conversation::save_goal),
        )
        .route(
            "/dossiers/{case}/stappen/{step}",
            post(cases::steps::save_outcome),
        )
        .route(
            "/dossiers/{case}/antwoorden",
            get(cases::versions::list).post(cases::steps::save_answers),
        )
        .route(
            "/dossiers/{case}/antwoorden/{version}",
            get(cases::versions::show),
        )
        .route(
            "/dossiers/{case}/eigen-woorden",
            post(intake::own_words::save),
        )
        .route("/dossiers/{case}/export", get(cases::export::export))
        .route("/dossiers/{case}/dossier.pdf", get(cases::dossier::pdf))
        .route("/dossiers/{case}/dossier.zip", get(cases::dossier::zip))
        .route(
            "/dossiers/{case}/brieven/{letter}",
            get(letters::case::show_for_case).post(letters::case::mark_sent),
        )
        .route("/dossiers/{case}/verwijderen", post(cases::export::delete))
        .route(
            "/dossiers/{case}/delen",
            get(sharing::show).post(sharing::invite),
        )
        .route(
            "/dossiers/{case}/delen/{share}/intrekken",
            post(sharing::revoke),
        )
        .route(
            "/dossiers/{case}/herinneringen",
            get(organisation::reminders::show).post(organisation::reminders::save),
        )
        .route("/begeleiding", get(organisation::caseload::show))
        .route("/begeleiding/agenda", post(organisation::feed::create))
        .route(
            "/begeleiding/agenda/{id}/intrekken",
            post(organisation::feed::revoke),
        )
        .route("/agenda/{file}", get(organisation::feed::calendar))
        .route(
            "/dossiers/{case}/samenvatting",
            get(organisation::help::summary),
        )
        .route(
            "/dossiers/{case}/hulp",
            get(organisation::help::case_help).post(organisation::help::ask),
        )
        .route(
            "/dossiers/{case}/hulp/{help}/niveau",
            post(organisation::help::change_level),
        )
        .route(
            "/dossiers/{case}/hulp/{help}/intrekken",
            post(organisation::help::revoke),
        )
        .route("/hulp", get(organisation::help::start))
        .route("/organisatie", get(organisation::members::home))
        .route(
            "/organisatie/leden",
            get(organisation::members::members).post(organisation::members::save_member),
        )
        .route("/organisatie/hulpvragen", get(organisation::help::inbox))
        .route(
            "/organisatie/hulpvragen/{help}/toewijzen",
            post(organisation::help::assign),
        )
        .route(
            "/organisatie/mijn-hulpvragen",
            get(organisation::help::mine),
        )
        .route("/organisatie/cijfers", get(organisation::figures::page))
        .route(
            "/organisatie/cijfers.csv",
            get(organisation::figures::download),
        )
        .route("/organisatie/bundelen", get(organisation::groups::page))
        .route(
            "/dossiers/{case}/advies-gelezen",
            post(cases::page::confirm_advice),
        )
        .route(
            "/dossiers/{case}/bundelen",
            get(sharing::consent::show).post(sharing::consent::save),
        )
        .route(
            "/uitnodiging/{token}",
            get(sharing::invitation).post(sharing::accept),
        )
        // The JSON API: a bearer token, never the session cookie (see `api::caller`).
        .route("/api/v1/openapi.json", get(api::openapi::document))
        .route(
            "/api/v1/advise",
            post(api::knowledge::advise).layer(api_body_limit),
        )
        .route("/api/v1/questions", get(api::knowledge::questions))
        .route("/api/v1/route", get(api::knowledge::route))
        .route("/api/v1/search", get(api::knowledge::search))
        .route("/api/v1/cases", get(api::cases::list))
        .route("/api/v1/cases/{id}", get(api::cases::show))
        .route(
            "/api/v1/cases/{id}/events",
            get(api::cases::events)
                .post(api::cases::add_event)
                .layer(api_body_limit),
        )
        .route("/api/v1/cases/{id}/deadlines", get(api::cases::deadlines))
        .nest_service("/static", static_files)
        .route_layer(middleware::from_fn(logging::mark_route))
        .fallback(not_found)
        .layer(middleware::from_fn(csrf::guard))
        .layer(sessions)
        .layer(middleware::from_fn_with_state(
            (state.clone(), fast_backend),
            route::cached,
        ))
        .layer(middleware::map_response(headers::add))
        .layer(middleware::from_fn(logging::log))
        .with_state(state)
}

/// `GET /health`: 200 "ok" when the database answers.
async fn health(State(state): State<AppState>) -> Response {
    match state.store.ping().await {
        Ok(()) => (StatusCode::OK, "ok").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

async fn not_found(lang: Lang, uri: Uri) -> Response {
    if uri.path().starts_with("/api/") {
        return api::not_found();
    }
    PageError::NotFound.page(lang)
}
