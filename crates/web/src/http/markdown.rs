//! Markdown from `content/` to safe HTML: pulldown-cmark renders, ammonia removes anything that
//! could run or load (script, event handlers, iframes), and `artikel:<id>` links become links to
//! the article page.

use std::sync::LazyLock;

use crate::http::links::article_url;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag};

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.url_schemes(["http", "https", "mailto", "tel"].into_iter().collect());
    b
});

/// Renders Markdown to sanitised HTML.
pub fn to_html(md: &str) -> String {
    let parser =
        Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH).map(|event| {
            match event {
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }) => {
                    let dest_url = match dest_url.strip_prefix("artikel:") {
                        Some(article) => CowStr::from(article_url(article)),
                        None => dest_url,
                    };
                    Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    })
                }
                other => other,
            }
        });
    let mut html = String::with_capacity(md.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, parser);
    CLEANER.clean(&html).to_string()
}

/// Escapes text for HTML (for the few places that build HTML outside templates).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_links_point_to_the_article_page() {
        let html = to_html("Lees [over 5a](artikel:vrijstelling-5a).");
        assert!(
            html.contains(r#"href="/kennis/artikelen/vrijstelling-5a""#),
            "{html}"
        );
    }

    #[test]
    fn scripts_and_handlers_are_removed() {
        let html = to_html(
            "<script>alert(1)</script><img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("href=\"javascript:"), "{html}");
    }
}
