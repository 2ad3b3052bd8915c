// Japanese line breaking for every wrapped text (issue 13): ImGui's own wrap broke 「8,000 箱」
// after the comma at phone width and started lines with 「。」.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "ui/widgets/line_break.hpp"
#include "ui/widgets/widgets.hpp"
#include "ui_fixture.hpp"

TEST_SUITE_BEGIN("ui");

namespace {

using vsys::ui::break_lines;

// A monospaced table: ASCII one unit, everything else two (as full-width characters are).
float advance(char32_t c) { return c < 0x80 ? 1.0f : 2.0f; }

std::vector<std::string> lines_of(const std::string& text, float width) {
    std::vector<std::string> out;
    for (const auto& l : break_lines(text, width, advance)) out.push_back(text.substr(l.begin, l.end - l.begin));
    return out;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += "[" + l + "]";
    return out;
}

const std::string nbsp = "\u00A0";

}  // namespace

TEST_CASE("a number stays whole with its unit, where ImGui broke it after the comma") {
    // 「合計 8,000 箱」 with the no-break space the strings put between a number and its unit.
    const std::string text = "合計 8,000" + nbsp + "箱を配送";
    for (float width = 6; width <= 30; width += 1) {
        CAPTURE(width);
        const auto lines = lines_of(text, width);
        CAPTURE(joined(lines));
        for (const auto& l : lines) {
            CHECK((l.find("8,") == std::string::npos || l.find("8,000") != std::string::npos));
            CHECK(l.rfind("000", 0) != 0);  // no line starts with the number's tail
        }
    }
    // Digits followed by a unit without a space keep it too: 「12人」 never as 「12」 over 「人」.
    CHECK(joined(lines_of("接種者12人", 9)) ==
          "[接種者]"
          "[12人]");
    CHECK(joined(lines_of("2,345,678", 4)) == "[2,34][5,67][8]");  // wider than the line: cut, nothing lost
}

TEST_CASE("closing punctuation and small kana never start a line, an opening bracket never ends one") {
    // Width 8 holds four full-width characters: 「送信しました」 would put 「た。」 next.
    const auto a = lines_of("送信しました。次へ", 8);
    CAPTURE(joined(a));
    for (const auto& l : a) {
        CHECK(l.rfind("。", 0) != 0);
    }
    CHECK(joined(lines_of("データを送信", 2 * 3)) == "[データ][を送信]");    // 「ー」 stays with 「デ」
    CHECK(joined(lines_of("ちょっと待って", 6)) == "[ちょっ][と待っ][て]");  // small kana stay with what comes before
    const auto b = lines_of("市区町村（鳥取市）", 10);
    CAPTURE(joined(b));
    for (const auto& l : b) {
        CHECK((l.size() < 3 || l.substr(l.size() - 3) != "（"));
        CHECK(l.rfind("）", 0) != 0);
    }
}

TEST_CASE("English breaks at spaces, drops them at the break, and keeps words whole") {
    CHECK(joined(lines_of("Hello world again", 11)) == "[Hello world][again]");
    CHECK(joined(lines_of("Hello world again", 5)) == "[Hello][world][again]");
    CHECK(joined(lines_of("a, b", 2)) == "[a,][b]");
    CHECK(joined(lines_of("Sent (3 items).", 8)) == "[Sent (3][items).]");
    CHECK(joined(lines_of("muni:131016", 4)) == "[muni][:131][016]");  // a word wider than the line: cut
    CHECK(joined(lines_of("", 10)) == "[]");
    CHECK(joined(lines_of("one\ntwo", 100)) == "[one][two]");
    CHECK(joined(lines_of("one\n", 100)) == "[one][]");
    CHECK(joined(lines_of("\n\nx", 100)) == "[][][x]");
    CHECK(joined(lines_of("Vaccine V-SYSの配送", 8)) == "[Vaccine][V-SYSの][配送]");
}

TEST_CASE("on any text: nothing lost but the blanks broken at, and no line starts with closing punctuation") {
    // Closing punctuation comes after a word it may hold to (「 配。」), an opening bracket before
    // one (「「配 」), so that a line of six units or more always has a lawful place to break: a
    // line may start with 「。」 only where a unit wider than the line had to be cut.
    const std::vector<std::string> plain = {"あ", "配", "送", "1", "2", ",", ".", " ", "a", "b", nbsp, "箱", "\n", "😀"};
    const std::vector<std::string> closing = {"。", "、", "」", "ー", "ょ", ")"};
    const std::vector<std::string> opening = {"「", "("};
    std::mt19937 rng(20261207);
    for (int trial = 0; trial < 3000; ++trial) {
        std::string text;
        const int n = static_cast<int>(rng() % 40);
        for (int i = 0; i < n; ++i) {
            const auto pick = rng() % 10;
            if (pick == 0)
                text += " 配" + closing[rng() % closing.size()];
            else if (pick == 1)
                text += " " + opening[rng() % opening.size()] + "配 ";
            else
                text += plain[rng() % plain.size()];
        }
        const float width = static_cast<float>(6 + rng() % 20);
        CAPTURE(text);
        CAPTURE(width);
        const auto ls = break_lines(text, width, advance);
        REQUIRE(!ls.empty());
        std::size_t at = 0;
        for (const auto& l : ls) {
            REQUIRE(l.begin >= at);
            REQUIRE(l.end >= l.begin);
            // Only blanks and line ends between one line and the next.
            for (std::size_t k = at; k < l.begin; ++k) CHECK((text[k] == ' ' || text[k] == '\n'));
            at = l.end;
        }
        for (std::size_t k = at; k < text.size(); ++k) CHECK((text[k] == ' ' || text[k] == '\n'));
        for (const auto& l : ls) {
            const std::string line = text.substr(l.begin, l.end - l.begin);
            CAPTURE(line);
            for (const auto& c : closing) CHECK(line.rfind(c, 0) != 0);
            for (const auto& o : opening)
                CHECK((line.size() < o.size() || line.compare(line.size() - o.size(), o.size(), o) != 0));
            CHECK(line.find('\n') == std::string::npos);
        }
    }
}

TEST_CASE("wrapped text on a phone keeps an amount whole in the app's font") {
    vsys::test::UiFixture f(290, 844);
    f.frames(1);
    ImGui::NewFrame();
    const std::string text = "配分可能数 1,234,567" + nbsp + "箱のうち 8,000" + nbsp + "箱を固定値として配分しました。";
    for (float width = 120; width <= 290; width += 7) {  // from the width that holds 「1,234,567 箱」
        CAPTURE(width);
        const std::string wrapped = vsys::ui::wrap_lines(text, width);
        CAPTURE(wrapped);
        CHECK(wrapped.find("8,\n") == std::string::npos);
        CHECK(wrapped.find(",\n") == std::string::npos);
        CHECK(wrapped.find("\n。") == std::string::npos);
    }
    ImGui::EndFrame();
}
