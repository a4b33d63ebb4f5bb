// `users add|reset-password|list` and `tokens add` through the real binary and a real database.

#include "adapters/store/accounts_store.hpp"
#include "adapters/web/password.hpp"
#include "adapters/web/secrets.hpp"
#include "tests/adapters/web/web_fixture.hpp"

namespace tafel::testing {
namespace {

using UsersCli = WebTest;

TEST_F(UsersCli, AddsAccountsWithRolesAndHashedPasswords) {
  auto r =
      cli("users add Co@Example.NL --role coordinator --password-stdin", "een lang wachtwoord\n");
  ASSERT_EQ(r.code, 0) << r.err;
  r = cli("users add noord@example.nl --role partner --network Noord --password-stdin",
          "noord wachtwoord 1\n");
  ASSERT_EQ(r.code, 0) << r.err;
  r = cli("users add fien@example.nl --role facilitator --staff fac-1 --password-stdin",
          "fien wachtwoord 12\n");
  ASSERT_EQ(r.code, 0) << r.err;

  auto d = db();
  const auto co = find_account(d, "co@example.nl");
  ASSERT_TRUE(co);
  EXPECT_EQ(co->role, Role::coordinator);
  EXPECT_EQ(co->password.find("een lang"), std::string::npos);
  EXPECT_TRUE(web::verify_password("een lang wachtwoord", co->password));
  const auto noord = find_account(d, "noord@example.nl");
  ASSERT_TRUE(noord);
  EXPECT_EQ(noord->role, Role::partner);
  EXPECT_EQ(noord->network_id, network("Noord"));
  const auto fien = find_account(d, "fien@example.nl");
  ASSERT_TRUE(fien);
  EXPECT_EQ(fien->staff_id, "fac-1");

  r = cli("users list");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("co@example.nl\tcoordinator"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("noord@example.nl\tpartner network=Noord"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("fien@example.nl\tfacilitator staff=fac-1"), std::string::npos) << r.out;
  EXPECT_EQ(audit_entries(d).size(), 3u);
}

TEST_F(UsersCli, RefusesBadInputNamingTheOption) {
  auto r = cli("users add a@example.nl --role coordinator --password-stdin", "elf tekens\n");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("at least 12"), std::string::npos) << r.err;
  r = cli("users add a@example.nl --role coordinator", "");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--password-stdin"), std::string::npos) << r.err;
  r = cli("users add a@example.nl --role admin --password-stdin", "lang genoeg wachtwoord\n");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--role"), std::string::npos) << r.err;
  r = cli("users add a@example.nl --role partner --password-stdin", "lang genoeg wachtwoord\n");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--network"), std::string::npos) << r.err;
  r = cli("users add a@example.nl --role partner --network Oost --password-stdin",
          "lang genoeg wachtwoord\n");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--network"), std::string::npos) << r.err;
  r = cli("users add a@example.nl --role facilitator --staff nobody --password-stdin",
          "lang genoeg wachtwoord\n");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--staff"), std::string::npos) << r.err;
  r = cli("users add not-an-address --role coordinator --password-stdin",
          "lang genoeg wachtwoord\n");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("EMAIL"), std::string::npos) << r.err;
  ASSERT_EQ(
      cli("users add a@example.nl --role coordinator --password-stdin", "lang genoeg wachtwoord\n")
          .code,
      0);
  r = cli("users add A@example.nl --role coordinator --password-stdin", "lang genoeg wachtwoord\n");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("already exists"), std::string::npos) << r.err;
  auto d = db();
  EXPECT_EQ(list_accounts(d).size(), 1u);
}

TEST_F(UsersCli, ResetPasswordReplacesTheHashAndEndsSessions) {
  ASSERT_EQ(
      cli("users add a@example.nl --role coordinator --password-stdin", "eerste wachtwoord\n").code,
      0);
  {
    auto d = db();
    const auto a = find_account(d, "a@example.nl");
    add_web_session(d, "sessionhash", a->id, "csrf", 1, 4102444800);
  }
  auto r = cli("users reset-password a@example.nl --password-stdin", "tweede wachtwoord\n");
  ASSERT_EQ(r.code, 0) << r.err;
  auto d = db();
  const auto a = find_account(d, "a@example.nl");
  EXPECT_FALSE(web::verify_password("eerste wachtwoord", a->password));
  EXPECT_TRUE(web::verify_password("tweede wachtwoord", a->password));
  EXPECT_FALSE(find_web_session(d, "sessionhash", 2, 3600));
  EXPECT_EQ(cli("users reset-password b@example.nl --password-stdin", "tweede wachtwoord\n").code,
            2);
}

TEST_F(UsersCli, TokensAddPrintsATokenOnceAndStoresItsHash) {
  ASSERT_EQ(
      cli("users add a@example.nl --role coordinator --password-stdin", "eerste wachtwoord\n").code,
      0);
  const auto r = cli("tokens add a@example.nl");
  ASSERT_EQ(r.code, 0) << r.err;
  ASSERT_TRUE(r.out.ends_with("\n"));
  const std::string token = r.out.substr(0, r.out.size() - 1);
  EXPECT_EQ(token.size(), 43u);
  auto d = db();
  EXPECT_EQ(d.execAndGet("SELECT count(*) FROM api_tokens WHERE hash = '" + token + "'").getInt(),
            0);
  EXPECT_TRUE(use_api_token(d, web::sha256_hex(token), 5));
  EXPECT_EQ(cli("tokens add nobody@example.nl").code, 2);
}

}  // namespace
}  // namespace tafel::testing
