#include "adapters/importers/members/contact_hash.hpp"
#include "tests/adapters/importers/members/import_fixture.hpp"

#include <gtest/gtest.h>

namespace tafel::testing {
namespace {

const MemberRecord& by_company(const std::vector<MemberRecord>& ms, const std::string& company) {
  for (const auto& m : ms)
    if (m.company == company) return m;
  throw std::runtime_error("no member " + company);
}

TEST_F(MemberImportTest, Windows1252SemicolonFileWithDutchHeaders) {
  const auto file = members_data("leden_windows1252.csv");
  const auto r = run(file);
  EXPECT_TRUE(r.summary.taken);
  EXPECT_EQ(r.summary.added, 6);
  EXPECT_EQ(r.summary.errors, 0);
  EXPECT_EQ(lines(r, "leden.csv"),
            (std::vector<std::string>{
                "leden.csv:5:0: warning: location not found (postcode \"3901 AA\", town \"\"); no "
                "travel limit applies (unresolved_location)",
                "leden.csv:8:8 (Branche): warning: sector \"kapper\" is not a configured sector "
                "or synonym; imported as not eligible (unknown_sector)",
                "leden.csv:8:0: warning: location not found (postcode \"\", town \"\"); no travel "
                "limit applies (unresolved_location)"}));

  const auto ms = members();
  ASSERT_EQ(ms.size(), 6u);
  const auto& jorg = by_company(ms, "Bouwbedrijf Jörgensen");
  EXPECT_EQ(jorg.name, "Jörg Jörgensen");
  EXPECT_EQ(jorg.mobile, "+31612345678");
  EXPECT_EQ(jorg.landline, "+31318123456");
  EXPECT_EQ(jorg.sector, "bouw");
  EXPECT_TRUE(jorg.eligible);
  EXPECT_EQ(jorg.location_source, "postcode");
  EXPECT_TRUE(jorg.consent_whatsapp.granted);
  EXPECT_EQ(jorg.consent_whatsapp.source, "import:leden_windows1252.csv");
  EXPECT_TRUE(jorg.consent_email.granted);
  EXPECT_EQ(jorg.consent_email.source, "import:leden_windows1252.csv (default)");
  EXPECT_EQ(jorg.consent_email.at, "2026-03-01T10:00:00Z");

  const auto& linde = by_company(ms, "Installatietechniek Van der Linde");
  EXPECT_EQ(linde.name, "Anneloes van der Linde");
  EXPECT_EQ(linde.sector, "installatie");
  EXPECT_EQ(linde.employees, 12.5);
  EXPECT_TRUE(linde.eligible);
  EXPECT_EQ(linde.location_source, "town");
  EXPECT_FALSE(linde.consent_whatsapp.granted);  // WhatsApp needs an explicit opt-in

  const auto& noel = by_company(ms, "Elektro Noël; Zoon");
  EXPECT_EQ(noel.name, "Noël Ëlsbeth");
  EXPECT_EQ(noel.sector, "elektrotechniek");
  EXPECT_EQ(noel.eligibility_reason, "too_many_employees");
  EXPECT_EQ(noel.mobile, std::nullopt);
  EXPECT_EQ(noel.landline, "+31318654321");

  const auto& bakker = by_company(ms, "Bakker’s Renovatie");
  EXPECT_EQ(bakker.mobile, "+31634567890");
  EXPECT_EQ(bakker.eligibility_reason, "too_few_employees");
  EXPECT_TRUE(bakker.consent_whatsapp.granted);  // "x"
  EXPECT_EQ(bakker.attributes, R"j({"Lidnummer":"L004\r\n(nieuw)"})j");

  EXPECT_EQ(by_company(ms, "Kapsalon Knip").eligibility_reason, "unknown_sector");
  const auto& vakwerk = by_company(ms, "Vakwerk € Co");
  EXPECT_EQ(vakwerk.name, "Truus de Vries");
  EXPECT_EQ(vakwerk.eligibility_reason, "no_contact");

  // Every consent is logged with its source and time.
  EXPECT_EQ(store().db().execAndGet("SELECT COUNT(*) FROM consent_log").getInt(), 12);
  EXPECT_EQ(store().db().execAndGet("SELECT status || added FROM imports").getString(), "taken6");
}

TEST_F(MemberImportTest, Utf8BomCommaFileWithEnglishHeaders) {
  const auto r = run(members_data("members_utf8_bom.csv"));
  EXPECT_TRUE(r.summary.taken);
  EXPECT_EQ(r.summary.added, 3);
  EXPECT_EQ(r.summary.warnings, 0) << format_member_report_text("f", r.problems);
  const auto ms = members();
  const auto& ayse = by_company(ms, "Yıldız Installaties");
  EXPECT_EQ(ayse.name, "Ayşe Yıldız");
  EXPECT_EQ(ayse.mobile, "+31645678901");
  EXPECT_EQ(ayse.location_source, "coordinates");
  EXPECT_DOUBLE_EQ(ayse.lat.value(), 52.0402);
  EXPECT_TRUE(ayse.eligible);
  EXPECT_EQ(ayse.attributes, R"({"Member since":"2019"})");

  const auto& jurgen = by_company(ms, "Müller Elektro");
  EXPECT_EQ(jurgen.name, "Jürgen Müller");
  EXPECT_EQ(jurgen.email, "JURGEN@Mueller.example.com");
  EXPECT_EQ(jurgen.email_key, "jurgen@mueller.example.com");
  EXPECT_EQ(jurgen.landline, "+493012345678");
  EXPECT_FALSE(jurgen.consent_email.granted);
  EXPECT_TRUE(jurgen.eligible);  // email is a contact; 2 employees is inclusive

  const auto& smith = by_company(ms, "Smith \"The Builder\"");
  EXPECT_EQ(smith.mobile, "+31656789012");
  EXPECT_EQ(smith.sector, "bouw");
  EXPECT_EQ(smith.eligibility_reason, "too_many_employees");  // before has_hr_staff
}

TEST_F(MemberImportTest, BadRowsRefuseTheWholeFileAndNameEveryLine) {
  ASSERT_TRUE(run(members_data("members_utf8_bom.csv")).summary.taken);
  const std::string before = dump();
  const auto r = run(members_data("bad_rows.csv"));
  EXPECT_FALSE(r.summary.taken);
  EXPECT_EQ(r.summary.errors, 4);
  EXPECT_EQ(lines(r, "bad_rows.csv"),
            (std::vector<std::string>{
                "bad_rows.csv:1:0: warning: member 1 (\"Yıldız Installaties\", \"Ayşe Yıldız\") "
                "is not in this file; kept, not deleted (missing_from_import)",
                "bad_rows.csv:1:0: warning: member 2 (\"Müller Elektro\", \"Jürgen Müller\") is "
                "not in this file; kept, not deleted (missing_from_import)",
                "bad_rows.csv:1:0: warning: member 3 (\"Smith \"The Builder\"\", \"John Smith\") "
                "is not in this file; kept, not deleted (missing_from_import)",
                "bad_rows.csv:3:1 (Bedrijf): error: company is empty: \"\" (missing_company)",
                "bad_rows.csv:4:2 (Naam): error: contact name is empty: \"\" (missing_name)",
                "bad_rows.csv:5:3 (E-mail): warning: \"dirk@@d\" is not a valid email address "
                "(bad_email)",
                "bad_rows.csv:5:4 (Mobiel): warning: \"06-123\" is not a valid phone number "
                "(bad_phone)",
                "bad_rows.csv:5:0: error: neither a usable email address nor a usable phone "
                "number (no_usable_contact)",
                "bad_rows.csv:5:6 (Medewerkers): warning: number of employees \"veel\" is not a "
                "number; read as unknown (bad_value)",
                "bad_rows.csv:5:7 (HR): warning: HR staff \"misschien\" is not yes/no (ja/nee, "
                "j/n, x, 1/0, ...); read as unknown (bad_value)",
                "bad_rows.csv:7:0: error: email \"ANNA@a.example.nl\" matches the member on line "
                "2, but the phone number matches the member on line 6 (conflicting_match)",
                "bad_rows.csv:8:5 (Sector): warning: sector \"timmerfabriek\" is not a configured "
                "sector or synonym; imported as not eligible (unknown_sector)"}));
  EXPECT_EQ(dump(), before);  // nothing written, not even an import log row
}

TEST_F(MemberImportTest, ReimportIsIdempotent) {
  const auto file = members_data("leden_windows1252.csv");
  ASSERT_EQ(run(file).summary.added, 6);
  SQLite::Statement q(store().db(), "SELECT COUNT(*) FROM consent_log");
  const std::string members_before = dump();
  const auto again = run(file, false, "BTO Test", "2026-04-01T09:00:00Z");
  EXPECT_TRUE(again.summary.taken);
  EXPECT_EQ(again.summary.added, 0);
  EXPECT_EQ(again.summary.updated, 0);
  EXPECT_EQ(again.summary.unchanged, 6);
  // Only the import log grew.
  store().db().exec("DELETE FROM imports WHERE id = 2");
  EXPECT_EQ(dump(), members_before);
}

TEST_F(MemberImportTest, ReimportUpdatesInPlaceAndReportsMissingMembers) {
  const std::string header = "Bedrijf;Naam;E-mail;Mobiel;Sector;Medewerkers;Plaats\n";
  ASSERT_EQ(run_text(header + "Bouw A;Anna;anna@a.nl;0612345001;bouw;5;Ede\n"
                              "Bouw B;Bert;bert@b.nl;;bouw;5;Ede\n")
                .summary.added,
            2);
  const auto anna_id = by_company(members(), "Bouw A").id;
  const auto r = run_text(header + "Bouw A;Anna;ANNA@a.nl;0612345001;bouw;40;Ede\n", false,
                          "2026-03-02T10:00:00Z");
  EXPECT_EQ(r.summary.updated, 1);
  EXPECT_EQ(r.summary.added, 0);
  EXPECT_EQ(lines(r, "f"), (std::vector<std::string>{
                               "f:1:0: warning: member 2 (\"Bouw B\", \"Bert\") is not in this "
                               "file; kept, not deleted (missing_from_import)"}));
  const auto ms = members();
  ASSERT_EQ(ms.size(), 2u);
  const auto& anna = by_company(ms, "Bouw A");
  EXPECT_EQ(anna.id, anna_id);
  EXPECT_EQ(anna.email, "ANNA@a.nl");
  EXPECT_EQ(anna.eligibility_reason, "too_many_employees");
  EXPECT_EQ(anna.updated_at, "2026-03-02T10:00:00Z");
  EXPECT_EQ(anna.created_at, "2026-03-01T10:00:00Z");
  EXPECT_EQ(anna.consent_email.at, "2026-03-01T10:00:00Z");  // consent unchanged
}

TEST_F(MemberImportTest, DeduplicatesWithinTheFileAndAgainstTheNetwork) {
  const std::string header = "Bedrijf;Naam;E-mail;Mobiel;Sector\n";
  const auto r = run_text(header +
                          "Bouw A;Anna;anna@a.nl;;bouw\n"
                          "Bouw A;Anna;ANNA@A.NL;06 1234 5001;bouw\n"
                          "Bouw B;Bert;;0612345002;bouw\n"
                          "Bouw C;Carla de Vries;carla@c.nl;;bouw\n");
  EXPECT_EQ(r.summary.added, 3);
  EXPECT_EQ(by_company(members(), "Bouw A").mobile, "+31612345001");  // merged: later values win
  EXPECT_EQ(by_company(members(), "Bouw A").email, "ANNA@A.NL");

  // Against the network: by phone, then by company + name.
  const auto again = run_text(header +
                              "Bouw A;Anna;ANNA@A.NL;0612345001;bouw\n"
                              "Bouw B2;Bert;bert@b.nl;+31 6 12345002;bouw\n"
                              "BOUW-C;Carla De Vries;;0612345003;bouw\n");
  EXPECT_EQ(again.summary.added, 0);
  EXPECT_EQ(again.summary.updated, 2);
  EXPECT_EQ(again.summary.unchanged, 1);
  const auto ms = members();
  ASSERT_EQ(ms.size(), 3u);
  EXPECT_EQ(by_company(ms, "Bouw B2").email, "bert@b.nl");
  EXPECT_EQ(by_company(ms, "BOUW-C").mobile, "+31612345003");
}

TEST_F(MemberImportTest, ConflictingMatchAgainstStoredMembersIsAnError) {
  const std::string header = "Bedrijf;Naam;E-mail;Mobiel;Sector\n";
  ASSERT_TRUE(run_text(header + "Bouw A;Anna;anna@a.nl;0612345001;bouw\n"
                                "Bouw G;Gert;gert@g.nl;0612345007;bouw\n")
                  .summary.taken);
  const std::string before = dump();
  const auto r = run_text(header + "Bouw A;Anna;anna@a.nl;0612345007;bouw\n");
  EXPECT_FALSE(r.summary.taken);
  ASSERT_EQ(r.summary.errors, 1);
  EXPECT_EQ(lines(r, "f").back(),
            "f:2:0: error: email \"anna@a.nl\" matches member 1 (\"Bouw A\", \"Anna\"), but the "
            "phone number matches member 2 (\"Bouw G\", \"Gert\") (conflicting_match)");
  EXPECT_EQ(dump(), before);
}

TEST_F(MemberImportTest, ImportNeverOverridesAnOptOut) {
  const std::string csv =
      "Bedrijf;Naam;Mobiel;Sector;Toestemming WhatsApp;Toestemming e-mail;E-mail\n"
      "Bouw A;Anna;0612345001;bouw;ja;ja;anna@a.nl\n";
  ASSERT_TRUE(run_text(csv).summary.taken);
  store().db().exec(
      "UPDATE members SET opted_out_whatsapp = 1, consent_whatsapp = 0, "
      "consent_whatsapp_source = 'whatsapp:STOP', consent_whatsapp_at = '2026-03-05T08:00:00Z'");
  const auto r = run_text(csv, false, "2026-03-10T10:00:00Z");
  EXPECT_EQ(r.summary.unchanged, 1);
  const auto m = members().at(0);
  EXPECT_FALSE(m.consent_whatsapp.granted);
  EXPECT_EQ(m.consent_whatsapp.source, "whatsapp:STOP");
  EXPECT_TRUE(m.opted_out_whatsapp);
  EXPECT_TRUE(m.consent_email.granted);
}

TEST_F(MemberImportTest, ExplicitConsentChangesAreLogged) {
  const std::string header = "Bedrijf;Naam;E-mail;Sector;Email consent\n";
  ASSERT_TRUE(run_text(header + "Bouw A;Anna;anna@a.nl;bouw;\n").summary.taken);
  const auto r =
      run_text(header + "Bouw A;Anna;anna@a.nl;bouw;nee\n", false, "2026-03-09T10:00:00Z");
  EXPECT_EQ(r.summary.updated, 1);
  const auto log = consent_history(store(), members().at(0).id);
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[2].channel, "email");
  EXPECT_FALSE(log[2].granted);
  EXPECT_EQ(log[2].source, "import:leden.csv");
  EXPECT_EQ(log[2].recorded_at, "2026-03-09T10:00:00Z");
}

TEST_F(MemberImportTest, ErasedPeopleAreSkipped) {
  SQLite::Statement ins(store().db(), "INSERT INTO erased_contacts VALUES (?, '2026-01-01')");
  ins.bind(1, phone_contact_hash("+31612345001"));
  ins.exec();
  const auto r = run_text(
      "Bedrijf;Naam;E-mail;Mobiel;Sector;Plaats\n"
      "Bouw A;Anna;anna@a.nl;06-12345001;bouw;Ede\n"
      ";;;06-12345001;;\n"  // an erased person's broken row does not refuse the file
      "Bouw B;Bert;bert@b.nl;;bouw;Ede\n");
  EXPECT_TRUE(r.summary.taken);
  EXPECT_EQ(r.summary.added, 1);
  EXPECT_EQ(lines(r, "f"),
            (std::vector<std::string>{
                "f:2:0: warning: \"+31612345001\" belongs to a person erased on request; row "
                "skipped (erased)",
                "f:3:0: warning: \"+31612345001\" belongs to a person erased on request; row "
                "skipped (erased)"}));
  ASSERT_EQ(members().size(), 1u);
  EXPECT_EQ(members()[0].company, "Bouw B");
}

TEST_F(MemberImportTest, DryRunReportsTheSameAndWritesNothing) {
  const std::string before = dump();
  const auto dry = run(members_data("leden_windows1252.csv"), true);
  EXPECT_TRUE(dry.summary.taken);
  EXPECT_TRUE(dry.summary.dry_run);
  EXPECT_EQ(dry.summary.added, 6);
  EXPECT_EQ(dump(), before);
  const auto real = run(members_data("leden_windows1252.csv"));
  EXPECT_EQ(lines(real, "f"), lines(dry, "f"));
}

TEST_F(MemberImportTest, MissingColumnsAndUnreadableFilesAreFileProblems) {
  auto r = run_text("Naam;Plaats;Medewerkers\nAnna;Ede;5\n");
  EXPECT_FALSE(r.summary.taken);
  EXPECT_EQ(lines(r, "f"),
            (std::vector<std::string>{
                "f:1:0: error: no company column in the header row (missing_column)",
                "f:1:0: error: no email or phone column in the header row (missing_column)",
                "f:1:0: error: no sector column in the header row (missing_column)"}));
  r = run(dir_ / "absent.csv");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].code, "unreadable_file");
  r = run_text("");
  EXPECT_EQ(r.problems.at(0).code, "unreadable_file");
  r = run_text("Bedrijf;Naam;E-mail;Sector\nA;B;\"c@d.nl;bouw\n");
  EXPECT_EQ(lines(r, "f").at(0),
            "f:2:0: error: a quoted field starting on line 2 is never closed (unreadable_file)");
}

TEST_F(MemberImportTest, JsonReportIsProblemsThenSummary) {
  const auto r = run(members_data("leden_windows1252.csv"), true);
  const auto j = format_member_report_json("leden.csv", r.problems, r.summary);
  ASSERT_EQ(j.size(), 4u);
  EXPECT_EQ(j[1].dump(),
            R"({"file":"leden.csv","line":8,"column":8,"header":"Branche","severity":"warning",)"
            R"("code":"unknown_sector","message":"sector \"kapper\" is not a configured sector or )"
            R"(synonym; imported as not eligible"})");
  EXPECT_TRUE(j[0]["header"].is_null());
  EXPECT_EQ(j[3].dump(),
            R"({"taken":true,"dry_run":true,"added":6,"updated":0,"unchanged":0,"errors":0,)"
            R"("warnings":3})");
}

}  // namespace
}  // namespace tafel::testing
