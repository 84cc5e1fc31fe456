//! Public HTML pages: home (search box and interfaces, promulgated and
//! newest first), search results, and a page per interface.
//!
//! Server-rendered strings, no JavaScript, one small inline stylesheet that
//! works on a phone. Everything interpolated goes through [`esc`]; a README
//! is rendered by pulldown-cmark and then sanitised by ammonia, and the
//! Content-Security-Policy forbids scripts as a second line of defence.

use std::fmt::Write as _;

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;

use super::AppState;
use super::error::{ApiError, Path, Query};
use super::http::with_etag;
use super::v1::{archive_url, load_interface, name_segment, owner_segment};
use crate::store::{self, InterfaceRecord, ListOrder, ListQuery, SearchQuery};
use crate::uri::InterfaceUri;
use crate::wire::{self, rfc3339};

const PAGE_SIZE: u32 = 50;

const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; \
                   form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const STYLE: &str = "\
body{font-family:system-ui,-apple-system,sans-serif;max-width:52rem;margin:0 auto;padding:1rem;\
line-height:1.5;color:#222;background:#fff}\
a{color:#0b57d0}header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;\
border-bottom:1px solid #ddd;padding-bottom:.5rem;margin-bottom:1rem}\
header a.home{font-weight:bold;font-size:1.2rem;text-decoration:none;color:#222}\
form{display:flex;gap:.5rem;flex:1;min-width:14rem}input[type=search]{flex:1;min-width:0;\
padding:.4rem;font-size:1rem}button{padding:.4rem .8rem;font-size:1rem}\
ul.list{list-style:none;padding:0}ul.list li{padding:.5rem 0;border-bottom:1px solid #eee}\
.meta{color:#666;font-size:.9rem}.badge{background:#e6f4ea;color:#137333;border-radius:.3rem;\
padding:0 .4rem;font-size:.8rem}code,pre{font-family:ui-monospace,monospace;font-size:.9rem}\
pre{background:#f6f8fa;padding:.6rem;overflow-x:auto}.digest{word-break:break-all}\
table{border-collapse:collapse;width:100%;display:block;overflow-x:auto}\
td,th{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eee;vertical-align:top}\
td{overflow-wrap:anywhere}th{white-space:nowrap}\
.readme{border-top:1px solid #ddd;margin-top:1rem}.readme img{max-width:100%}\
nav.pages{display:flex;justify-content:space-between;margin-top:1rem}";

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/search", get(search))
        .route("/interfaces/{name}", get(promulgated_page))
        .route("/interfaces/{owner}/{name}", get(interface_page))
}

/// Escapes text for HTML content and quoted attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Percent-encodes a query value.
fn query_value(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Markdown to sanitised HTML: whatever a README holds, no script survives.
pub fn render_markdown(markdown: &str) -> String {
    use pulldown_cmark::{Options, Parser, html};
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES;
    let mut unsafe_html = String::new();
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, options));
    ammonia::clean(&unsafe_html)
}

fn layout(title: &str, query: &str, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><style>{STYLE}</style></head><body>\
         <header><a class=\"home\" href=\"/\">iface</a>\
         <form action=\"/search\" method=\"get\" role=\"search\">\
         <input type=\"search\" name=\"q\" value=\"{query}\" placeholder=\"Search interfaces\" \
         aria-label=\"Search interfaces\"><button type=\"submit\">Search</button></form>\
         </header><main>{body}</main>\
         <footer class=\"meta\"><p>JSON API: <a href=\"/v1/openapi.json\">/v1/openapi.json</a></p>\
         </footer></body></html>\n",
        title = esc(title),
        query = esc(query),
    )
}

fn page(headers: &HeaderMap, status: StatusCode, html: String) -> Response {
    let mut response = if status == StatusCode::OK {
        with_etag(headers, "text/html; charset=utf-8", html.into_bytes())
    } else {
        (
            status,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            html,
        )
            .into_response()
    };
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    response
}

/// A 404 page with a message.
pub fn not_found_page(message: &str) -> Response {
    let body = format!("<h1>Not found</h1><p>{}</p>", esc(message));
    page(
        &HeaderMap::new(),
        StatusCode::NOT_FOUND,
        layout("Not found", "", &body),
    )
}

fn error_page(err: ApiError) -> Response {
    let title = match err.status {
        StatusCode::NOT_FOUND => "Not found",
        StatusCode::BAD_REQUEST => "Bad request",
        _ => "Error",
    };
    let mut body = format!("<h1>{title}</h1><p>{}</p>", esc(&err.error.message));
    if !err.error.candidates.is_empty() {
        body.push_str("<p>Did you mean:</p><ul>");
        for candidate in &err.error.candidates {
            let link = InterfaceUri::parse(candidate)
                .ok()
                .and_then(|u| Some(format!("/interfaces/~{}/{}", u.owner?, u.name)));
            match link {
                Some(link) => {
                    let _ = write!(
                        body,
                        "<li><a href=\"{}\">{}</a></li>",
                        esc(&link),
                        esc(candidate)
                    );
                }
                None => {
                    let _ = write!(body, "<li>{}</li>", esc(candidate));
                }
            }
        }
        body.push_str("</ul>");
    }
    page(&HeaderMap::new(), err.status, layout(title, "", &body))
}

fn interface_list(records: &[InterfaceRecord]) -> String {
    let mut out = String::from("<ul class=\"list\">");
    for record in records {
        let _ = write!(
            out,
            "<li><a href=\"/interfaces/~{owner}/{name}\"><strong>{name_text}</strong></a> \
             <span class=\"meta\">~{owner_text}</span>{badge}<br>{summary}\
             <div class=\"meta\">{category}revision {rev} · updated {updated}</div></li>",
            owner = esc(&record.owner),
            name = esc(&record.name),
            owner_text = esc(&record.owner),
            name_text = esc(&record.name),
            badge = if record.promulgated {
                " <span class=\"badge\">promulgated</span>"
            } else {
                ""
            },
            summary = esc(record.summary.as_deref().unwrap_or("")),
            category = record
                .category
                .as_deref()
                .map(|c| format!("{} · ", esc(c)))
                .unwrap_or_default(),
            rev = record.latest_revision,
            updated = &rfc3339(record.updated_at)[..10],
        );
    }
    out.push_str("</ul>");
    out
}

fn pager(base: &str, offset: u64, shown: usize, total: u64) -> String {
    let size = u64::from(PAGE_SIZE);
    let mut out = String::from("<nav class=\"pages\">");
    if offset > 0 {
        let _ = write!(
            out,
            "<a href=\"{}offset={}\">← newer</a>",
            esc(base),
            offset.saturating_sub(size)
        );
    } else {
        out.push_str("<span></span>");
    }
    if offset + (shown as u64) < total {
        let _ = write!(
            out,
            "<a href=\"{}offset={}\">more →</a>",
            esc(base),
            offset + size
        );
    }
    out.push_str("</nav>");
    out
}

#[derive(Debug, Deserialize)]
pub struct HomeParams {
    offset: Option<u64>,
}

async fn home(
    State(state): State<AppState>,
    params: Result<Query<HomeParams>, ApiError>,
    headers: HeaderMap,
) -> Response {
    let offset = params.map(|Query(p)| p.offset.unwrap_or(0)).unwrap_or(0);
    let query = ListQuery {
        order: ListOrder::Recent,
        limit: PAGE_SIZE,
        offset,
        ..ListQuery::default()
    };
    let found = state.blocking(move |store| Ok(store.list(&query)?)).await;
    let records = match found {
        Ok(records) => records,
        Err(err) => return error_page(err),
    };
    let mut body = String::from(
        "<h1>Juju relation interfaces</h1>\
         <p>Find an interface, then fetch it with <code>iface fetch interface:NAME</code>.</p>",
    );
    if records.total == 0 {
        body.push_str(
            "<p>Nothing is published yet. Publish one with <code>iface publish</code>.</p>",
        );
    } else {
        let _ = write!(
            body,
            "<p class=\"meta\">{} interface{}, promulgated and newest first.</p>",
            records.total,
            if records.total == 1 { "" } else { "s" }
        );
        body.push_str(&interface_list(&records.items));
        body.push_str(&pager("/?", offset, records.items.len(), records.total));
    }
    page(
        &headers,
        StatusCode::OK,
        layout("iface: interface index", "", &body),
    )
}

#[derive(Debug, Deserialize)]
pub struct SearchParams {
    q: Option<String>,
    offset: Option<u64>,
}

async fn search(
    State(state): State<AppState>,
    params: Result<Query<SearchParams>, ApiError>,
    headers: HeaderMap,
) -> Response {
    let (text, offset) = match params {
        Ok(Query(p)) => (p.q.unwrap_or_default(), p.offset.unwrap_or(0)),
        Err(err) => return error_page(err),
    };
    if text.trim().is_empty() {
        let body = "<h1>Search</h1><p>Type words to look for in names, summaries, \
                    descriptions, categories and maintainers.</p>";
        return page(&headers, StatusCode::OK, layout("Search", "", body));
    }
    let query = SearchQuery {
        text: text.clone(),
        limit: PAGE_SIZE,
        offset,
    };
    let found = state.blocking(move |store| Ok(store.search(&query)?)).await;
    let records = match found {
        Ok(records) => records,
        Err(err) => return error_page(err),
    };
    let mut body = format!("<h1>Results for “{}”</h1>", esc(&text));
    if records.total == 0 {
        body.push_str("<p>No interface matches. Try fewer or shorter words.</p>");
    } else {
        let _ = write!(
            body,
            "<p class=\"meta\">{} match{}, best first.</p>",
            records.total,
            if records.total == 1 { "" } else { "es" }
        );
        body.push_str(&interface_list(&records.items));
        let base = format!("/search?q={}&", query_value(&text));
        body.push_str(&pager(&base, offset, records.items.len(), records.total));
    }
    page(
        &headers,
        StatusCode::OK,
        layout(&format!("{text}: iface search"), &text, &body),
    )
}

async fn interface_page(
    State(state): State<AppState>,
    path: Result<Path<(String, String)>, ApiError>,
    headers: HeaderMap,
) -> Response {
    let found = async {
        let Path((owner, name)) = path?;
        let owner = owner_segment(&owner)?;
        let name = name_segment(&name)?;
        state
            .blocking(move |store| load_interface(store, &owner, &name))
            .await
    }
    .await;
    match found {
        Ok(doc) => page(&headers, StatusCode::OK, render_interface(&doc)),
        Err(err) => error_page(err),
    }
}

async fn promulgated_page(
    State(state): State<AppState>,
    path: Result<Path<String>, ApiError>,
    headers: HeaderMap,
) -> Response {
    let found = async {
        let Path(name) = path?;
        let name = name_segment(&name)?;
        state
            .blocking(move |store| {
                let uri = InterfaceUri {
                    owner: None,
                    name: name.clone(),
                    revision: None,
                };
                let owner = store::resolve_owner(store, &uri)?;
                load_interface(store, &owner, &name)
            })
            .await
    }
    .await;
    match found {
        Ok(doc) => page(&headers, StatusCode::OK, render_interface(&doc)),
        Err(err) => error_page(err),
    }
}

fn list_or_none(items: &[String], prefix: &str) -> String {
    if items.is_empty() {
        "none".to_owned()
    } else {
        items
            .iter()
            .map(|i| format!("{prefix}{}", esc(i)))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn render_interface(doc: &wire::Interface) -> String {
    let fetch_uri = if doc.promulgated {
        format!("interface:{}", doc.name)
    } else {
        doc.uri.clone()
    };
    let pinned = format!("{}-{}", doc.uri, doc.latest_revision);
    let mut body = format!(
        "<h1>{name}{badge}</h1><p class=\"meta\">{uri}</p><p>{summary}</p>",
        name = esc(&doc.name),
        badge = if doc.promulgated {
            " <span class=\"badge\">promulgated</span>"
        } else {
            ""
        },
        uri = esc(&doc.uri),
        summary = esc(doc.summary.as_deref().unwrap_or("")),
    );
    let _ = write!(
        body,
        "<h2>Fetch it</h2><pre><code>iface fetch {fetch}</code></pre>\
         <p class=\"meta\">Pinned to the latest revision:</p>\
         <pre><code>iface fetch {pinned}</code></pre>",
        fetch = esc(&fetch_uri),
        pinned = esc(&pinned),
    );
    let _ = write!(
        body,
        "<table><tr><th>Owner</th><td>~{owner}</td></tr>\
         <tr><th>Category</th><td>{category}</td></tr>\
         <tr><th>Version</th><td>{version}</td></tr>\
         <tr><th>Roles</th><td>{roles}</td></tr>\
         <tr><th>Maintainers</th><td>{maintainers}</td></tr>\
         <tr><th>May publish</th><td>~{owner}{users}</td></tr>\
         <tr><th>Updated</th><td>{updated}</td></tr></table>",
        owner = esc(&doc.owner),
        category = esc(doc.category.as_deref().unwrap_or("none")),
        version = doc
            .version
            .map_or_else(|| "not declared".to_owned(), |v| v.to_string()),
        roles = list_or_none(&doc.roles, ""),
        maintainers = list_or_none(&doc.maintainers, ""),
        users = doc
            .maintainer_users
            .iter()
            .map(|u| format!(", ~{}", esc(u)))
            .collect::<String>(),
        updated = esc(&doc.updated_at),
    );
    if let Some(description) = &doc.description {
        let _ = write!(body, "<h2>Description</h2><p>{}</p>", esc(description));
    }
    body.push_str(
        "<h2>Revisions</h2><table><tr><th>Revision</th><th>Published</th>\
                   <th>Version</th><th>Size</th><th>SHA-256</th></tr>",
    );
    for revision in &doc.revisions {
        let _ = write!(
            body,
            "<tr><td><a href=\"{url}\">{rev}</a></td><td>{published}<br>\
             <span class=\"meta\">by {publisher}</span></td><td>{version}</td>\
             <td>{size}&nbsp;B</td><td><code class=\"digest\">{digest}</code></td></tr>",
            url = esc(&archive_url(&doc.owner, &doc.name, revision.revision)),
            rev = revision.revision,
            published = esc(&revision.published_at),
            publisher = esc(&revision.publisher),
            version = revision
                .version
                .map_or_else(|| "-".to_owned(), |v| v.to_string()),
            size = revision.size,
            digest = esc(&revision.digest),
        );
    }
    body.push_str("</table>");
    match &doc.readme {
        Some(readme) => {
            let _ = write!(
                body,
                "<section class=\"readme\"><h2>README</h2>{}</section>",
                render_markdown(readme)
            );
        }
        None => body.push_str("<p class=\"meta\">This interface has no README.</p>"),
    }
    layout(&format!("{}: iface", doc.uri), "", &body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn esc_escapes_markup_and_quotes() {
        assert_eq!(
            esc("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn markdown_keeps_formatting_and_drops_scripts() {
        let html = render_markdown(
            "# Title\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) \
             <img src=x onerror=alert(1)> **bold**",
        );
        assert!(html.contains("<h1>Title</h1>"), "{html}");
        assert!(html.contains("<strong>bold</strong>"), "{html}");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
    }

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(query_value("a b&c"), "a%20b%26c");
    }
}
