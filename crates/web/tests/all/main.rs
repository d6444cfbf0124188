//! The web app's tests, in one binary so it links once: handler tests without a browser
//! (`handlers`), and browser tests in headless Chromium with WebDriver (`browser`).

mod api;
mod architecture;
mod browser;
mod case_edit;
mod caseload;
mod cases;
mod conversation;
mod conversation_browser;
mod csrf_upload;
mod dates;
mod feed;
mod figures;
mod first_screen;
mod groups;
mod handlers;
mod help;
mod help_browser;
mod letters;
mod outcomes;
mod own_words;
mod recovery;
mod reminders;
mod smtp;
mod smtp_tls;
mod support;
