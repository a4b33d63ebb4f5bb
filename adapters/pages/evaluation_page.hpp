#pragma once
// The evaluation page `GET/POST /evaluatie/{token}` (token purpose evaluation, subject an
// invitation id; sent in the after-session followup, adapters/outbox/followup_outreach.hpp).
//
// GET shows the session (date, time, venue) and the one question "Hoe waardevol was deze tafel
// voor je bedrijf?" with five buttons 1–5; it never changes anything (mail scanners open every
// link). `?ontvangen=1` shows the thanks after a POST. POST (fields cijfer = 1..5, controle; see
// form_guard.hpp) stores the answer through sessions_store's add_evaluation_answer in one
// transaction, once: a second POST, or a GET after answering, shows "already received" and
// stores nothing. Someone recorded as not having come gets the page that says the question is
// not for them. An expired token, an unknown one or a session that is gone: the 410 page (no
// fresh-link form: the evaluation is a one-off).
//
// The pages' templates (config/templates/pages/evaluatie*.html, compiled in as defaults) are a
// catalogue of their own (evaluation_pages), loaded next to the personal pages.

#include "adapters/http/message.hpp"
#include "adapters/pages/pages_setup.hpp"

namespace tafel::pages {

// "opmaak.html" plus evaluatie.html, evaluatie_ontvangen.html, evaluatie_gesloten.html.
const PageCatalogue& evaluation_pages();

http::Response handle_evaluation_get(const PagesSetup& setup, const PageTemplates& pages,
                                     const http::Request& request);
http::Response handle_evaluation_post(const PagesSetup& setup, const PageTemplates& pages,
                                      const http::Request& request);

}  // namespace tafel::pages
