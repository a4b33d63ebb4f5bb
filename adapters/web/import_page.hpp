#pragma once
// The import page of the coordinator web app, and its JSON twin.
//
//   GET  /beheer/import            the upload form: kind (ledenlijst / agenda), network, file.
//   POST /beheer/import            multipart/form-data: csrf, soort (members|events), netwerk
//                                  (a network id), bestand (the file). Keeps the file as a
//                                  pending upload (import_uploads.hpp) and shows the dry-run
//                                  report, one row per problem with line and column, and, when
//                                  the file would be taken, the forms "Bevestigen" / "Annuleren".
//   POST /beheer/import/bevestigen csrf, upload (the token), actie (bevestigen|annuleren).
//                                  bevestigen: the real import (the importer's one transaction),
//                                  then an audit_log row (ids only), the upload deleted, the
//                                  report shown. annuleren: the upload deleted, 303 to the form.
//                                  An unknown, expired or someone else's upload: 404.
//   POST /api/import/{members|events}?network=ID[&dry_run=1][&filename=NAME]
//                                  the file as the body; a bearer API token, or the session
//                                  cookie with the header X-CSRF-Token. 200 with
//                                  import_outcome_json (taken), 422 (refused), 413, 404, 401.
//
// Who: coordinators for every network, partners for their own network only (another network,
// as an unknown one: 404), facilitators not at all (404). A file larger than kMaxImportBytes is
// refused with 413 and a Dutch message naming the limit. Pending uploads older than an hour are
// deleted whenever the page is used.

#include "adapters/config/config.hpp"
#include "adapters/http/router.hpp"
#include "adapters/web/web_setup.hpp"

#include <cstddef>
#include <memory>

namespace tafel::web {

inline constexpr std::size_t kMaxImportBytes = 10 * 1024 * 1024;
// Route body limit: requests up to this size reach the handler, which answers a file over
// kMaxImportBytes in Dutch; beyond it the server's own 413 answers.
inline constexpr std::size_t kImportRouteLimit = 32 * 1024 * 1024;

// `config` is copied (networks, sectors, venues, time zone, state_dir for pending uploads).
void register_import_routes(http::Router& router, std::shared_ptr<const WebSetup> setup,
                            const Config& config);

}  // namespace tafel::web
