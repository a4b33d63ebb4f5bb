// The pure parts of the personal pages: form bodies, the form check field, page templates and
// the one-click recogniser.

#include "adapters/pages/form_body.hpp"

#include "adapters/pages/form_guard.hpp"
#include "adapters/pages/optout_page.hpp"
#include "adapters/pages/page_templates.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/sha.h>

namespace tafel::pages {
namespace {

TEST(FormBody, DecodesPlusPercentAndRepeatedFields) {
  auto f = parse_form("antwoord=ja&casus=Twee+mensen%2C+%C3%A9%C3%A9n+vraag&moment=a&moment=b&&");
  ASSERT_TRUE(f) << f.error();
  EXPECT_EQ(f->get("antwoord"), "ja");
  EXPECT_EQ(f->get("casus"), "Twee mensen, één vraag");
  EXPECT_EQ(f->all("moment"), (std::vector<std::string_view>{"a", "b"}));
  EXPECT_EQ(f->get("ontbreekt"), std::nullopt);
  auto bare = parse_form("leeg=&alleen");
  ASSERT_TRUE(bare);
  EXPECT_EQ(bare->get("leeg"), "");
  EXPECT_EQ(bare->get("alleen"), "");
  EXPECT_TRUE(parse_form("")->fields.empty());
}

TEST(FormBody, ErrorsNameTheFieldNeverTheValue) {
  EXPECT_EQ(parse_form("casus=geheim%ZZ").error(), "field 'casus': bad percent escape");
  EXPECT_EQ(parse_form("casus=geheim%4").error(), "field 'casus': bad percent escape");
  EXPECT_EQ(parse_form("casus=%C3%28").error(), "field 'casus': not valid UTF-8");
  EXPECT_EQ(parse_form("a=1&=2").error(), "field 2: bad field name");
  EXPECT_EQ(parse_form("a=1&%FF=2").error(), "field 2: bad field name");
  EXPECT_EQ(parse_form("x=1&x=2&x=3", 2).error(), "more than 2 form fields");
  EXPECT_EQ(parse_form("a%20b%27c=%FF").error(), "field 1: not valid UTF-8");
}

TEST(FormBody, Utf8IsCheckedStrictly) {
  EXPECT_TRUE(valid_utf8("gewoon ascii"));
  EXPECT_TRUE(valid_utf8("één 🙂"));
  EXPECT_FALSE(valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(valid_utf8("\xE2\x82"));          // truncated
  EXPECT_EQ(utf8_length("één"), 3u);
  EXPECT_EQ(utf8_length("🙂a"), 2u);
}

TEST(FormBody, RecognisesTheFormContentType) {
  EXPECT_TRUE(is_form_content_type("application/x-www-form-urlencoded"));
  EXPECT_TRUE(is_form_content_type("Application/X-WWW-Form-Urlencoded; charset=UTF-8"));
  EXPECT_FALSE(is_form_content_type("application/json"));
  EXPECT_FALSE(is_form_content_type("multipart/form-data; boundary=x"));
  EXPECT_FALSE(is_form_content_type(""));
}

TEST(FormGuard, CheckDependsOnKeyAndToken) {
  const links::LinkKey key{std::string(32, 'a')};
  const links::LinkKey other{std::string(32, 'b')};
  const auto check = form_check(key, "token-1");
  EXPECT_EQ(check.size(), 43u);
  EXPECT_TRUE(form_check_ok(key, "token-1", check));
  EXPECT_FALSE(form_check_ok(key, "token-2", check));
  EXPECT_FALSE(form_check_ok(other, "token-1", check));
  EXPECT_FALSE(form_check_ok(key, "token-1", check.substr(1)));
  EXPECT_FALSE(form_check_ok(key, "token-1", ""));
}

TEST(PageTemplates, BuiltInPagesRenderEscapedWithAStyleHashPolicy) {
  const auto t = PageTemplates::builtin();
  PageValues v;
  v.text("kanalen", "<script>alert('x')</script> & meer");
  const auto r = t.respond(200, "afgemeld.html", "Afgemeld <test>", v);
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; meer"),
            std::string::npos);
  EXPECT_EQ(r.body.find("<script>"), std::string::npos);
  EXPECT_NE(r.body.find("<title>Afgemeld &lt;test&gt;</title>"), std::string::npos);
  EXPECT_NE(r.body.find("<html lang=\"nl\">"), std::string::npos);
  EXPECT_EQ(r.header("Content-Type"), "text/html; charset=utf-8");

  // The policy allows exactly the layout's <style> block.
  const auto open = r.body.find("<style>") + 7;
  const std::string css = r.body.substr(open, r.body.find("</style>") - open);
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(css.data()), css.size(), digest);
  unsigned char b64[64];
  EVP_EncodeBlock(b64, digest, SHA256_DIGEST_LENGTH);
  const std::string csp(r.header("Content-Security-Policy").value_or(""));
  EXPECT_NE(csp.find(std::string("style-src 'sha256-") + reinterpret_cast<char*>(b64) + "'"),
            std::string::npos)
      << csp;
  EXPECT_NE(csp.find("default-src 'none'"), std::string::npos);
  EXPECT_NE(csp.find("form-action 'self'"), std::string::npos);
  EXPECT_EQ(csp.find("script-src"), std::string::npos);
}

TEST(PageTemplates, AMissingValueIsAnErrorNotABlank) {
  const auto t = PageTemplates::builtin();
  EXPECT_THROW(t.render("afgemeld.html", "x", PageValues{}), std::runtime_error);
}

TEST(PageTemplates, AnOverrideWithAnUnknownPlaceholderFailsTheLoadNamingTheFile) {
  testing::TempDir dir;
  dir.write("afgemeld.html", "<p>{{kanalen}} {{onbekend}}</p>");
  const auto t = PageTemplates::load(dir.path());
  ASSERT_FALSE(t);
  EXPECT_NE(t.error().find("afgemeld.html"), std::string::npos) << t.error();
  EXPECT_NE(t.error().find("onbekend"), std::string::npos) << t.error();

  dir.write("afgemeld.html", "<p>Eigen tekst: {{kanalen}}</p>");
  const auto ok = PageTemplates::load(dir.path());
  ASSERT_TRUE(ok) << ok.error();
  PageValues v;
  v.text("kanalen", "x");
  EXPECT_NE(ok->render("afgemeld.html", "t", v).find("Eigen tekst: x"), std::string::npos);
}

TEST(OneClick, RecognisesUrlencodedAndMultipartBodies) {
  http::Request r;
  r.method = "POST";
  r.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
  r.body = "List-Unsubscribe=One-Click";
  EXPECT_TRUE(is_one_click(r));
  r.body = "List-Unsubscribe=Nee";
  EXPECT_FALSE(is_one_click(r));
  r.body = "kanaal=alles";
  EXPECT_FALSE(is_one_click(r));
  r.headers = {{"Content-Type", "multipart/form-data; boundary=XyZ"}};
  r.body =
      "--XyZ\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n"
      "--XyZ--\r\n";
  EXPECT_TRUE(is_one_click(r));
  r.headers = {};
  EXPECT_FALSE(is_one_click(r));
}

}  // namespace
}  // namespace tafel::pages
