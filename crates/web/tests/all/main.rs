//! The web app's tests, in one binary so it links once: handler tests without a browser
//! (`handlers`), and browser tests in headless Chromium with WebDriver (`browser`).

mod browser;
mod cases;
mod handlers;
mod letters;
mod outcomes;
mod recovery;
mod smtp;
mod support;
