#pragma once
// The sector-data cards (knowledge_store.hpp): figures per sector with source and date, entered
// by the coordinator (never invented by the software) and shown on the run sheets.
//
//   GET  /beheer/sectorcijfers             every card (inactive ones marked), a bar chart per
//                                          sector; for the coordinator a form to add one, or
//                                          with ?bewerk={id} to edit that one. Every account may
//                                          read; only the coordinator edits.
//   POST /beheer/sectorcijfers             coordinator, csrf, id ("" = new), sector, cijfer,
//                                          waarde ("12,5" or "12.5"), eenheid, bron, datum
//                                          (YYYY-MM-DD), actief (checkbox). One transaction with
//                                          the audit row; 303 back. Refused input (source or date
//                                          missing, ...): 422 with the Dutch message and the
//                                          typed values kept.
//   GET  /api/sectorcijfers                {"cards": [...]} (inactive ones included).
//   POST /api/sectorcijfers                coordinator, JSON {"id"?, "sector", "figure", "value",
//                                          "unit", "source", "figure_date", "active"?}: 200
//                                          {"id"}; 422 {"error", "field"}.

#include "adapters/http/message.hpp"
#include "adapters/web/web_setup.hpp"

namespace tafel::web {

http::Response handle_sector_cards_get(const WebSetup& setup, const http::Request& request);
http::Response handle_sector_cards_post(const WebSetup& setup, const http::Request& request);
http::Response handle_api_sector_cards(const WebSetup& setup, const http::Request& request);
http::Response handle_api_sector_cards_post(const WebSetup& setup, const http::Request& request);

}  // namespace tafel::web
