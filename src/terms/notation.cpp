#include "kreditor/terms/notation.hpp"

#include <array>
#include <cstdint>
#include <string>

KREDITOR_NAMESPACE_BEGIN
namespace {

// ---------------------------------------------------------------------------------------------
// Lexer. The text is lower-cased into a stack buffer (ASCII, and the Latin-1 capitals of
// UTF-8 such as Ø Ö Ä Å, whose lower-case forms have the same length), then cut into words,
// numbers and single-character symbols. Nothing is allocated.

enum class tk : std::uint8_t { end, word, number, sym };

// Deliberately without default member initialisers: the token array is filled as it is lexed,
// and zeroing 4 KiB per parse would cost more than the parse.
struct token {
  std::int64_t mantissa;  // number: the digits
  std::uint16_t begin;    // byte offset in the text
  std::uint16_t size;     // bytes (a word without its abbreviation dot)
  tk kind;
  char sym;               // for tk::sym
  std::uint8_t scale;     // number: digits after the point
};

constexpr std::size_t max_tokens = max_terms_text + 1;

struct parse_error {
  std::size_t byte = 0;
  std::string_view why;    // static text
  std::string_view quote;  // part of the original text to quote after `why`, may be empty
};

bool is_letter(unsigned char c) noexcept { return (c >= 'a' && c <= 'z') || c >= 0x80; }
bool is_digit(unsigned char c) noexcept { return c >= '0' && c <= '9'; }

// The words that mean "days" in the supported languages.
bool is_days_word(std::string_view w) noexcept {
  return w == "days" || w == "day" || w == "d" || w == "dager" || w == "dagar" || w == "dage" ||
         w == "dgr" || w == "dg" || w == "pv" || w == "päivää" || w == "päivä" || w == "dygn";
}
bool is_months_word(std::string_view w) noexcept {
  return w == "months" || w == "month" || w == "mo" || w == "måneder" || w == "måned" ||
         w == "månader" || w == "månad" || w == "kuukautta" || w == "kk";
}
bool is_net_word(std::string_view w) noexcept { return w == "net" || w == "n" || w == "netto"; }

class parser {
 public:
  explicit parser(std::string_view text) noexcept : text_(text) {}

  bool run(payment_terms& out) {
    if (text_.size() > max_terms_text)
      return fail(max_terms_text, "the text is longer than 1024 bytes");
    lex();
    if (n_ == 1) return fail(0, "expected payment terms, found nothing");
    if (!body(out)) return false;
    while (is_sym(';')) {
      ++i_;
      if (!clause(out)) return false;
    }
    if (cur().kind != tk::end) return unexpected();
    if (const std::string_view why = invalid_reason(out); !why.empty())
      return fail(last_item_, why);
    return true;
  }

  [[nodiscard]] const parse_error& error() const noexcept { return err_; }

 private:
  // --- lexing ----------------------------------------------------------------------------
  void lex() noexcept {
    const std::size_t size = text_.size();
    for (std::size_t k = 0; k < size; ++k) {
      auto c = static_cast<unsigned char>(text_[k]);
      if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
      // UTF-8 Latin-1 capitals À..Þ (except ×) are C3 80..9E; their small forms are C3 A0..BE.
      if (k > 0 && static_cast<unsigned char>(text_[k - 1]) == 0xC3 && c >= 0x80 && c <= 0x9E &&
          c != 0x97)
        c = static_cast<unsigned char>(c + 0x20);
      buf_[k] = static_cast<char>(c);
    }
    std::size_t k = 0;
    n_ = 0;
    while (k < size) {
      const auto c = static_cast<unsigned char>(buf_[k]);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++k;
        continue;
      }
      token& t = toks_[n_++];
      t.begin = static_cast<std::uint16_t>(k);
      t.mantissa = 0;
      t.scale = 0;
      t.sym = 0;
      if (is_digit(c)) {
        lex_number(t, k, n_ >= 2 && wants_whole_number(toks_[n_ - 2]));
      } else if (is_letter(c)) {
        t.kind = tk::word;
        // Letters, with an inner '-' ("cut-off"); a trailing '.' marks an abbreviation
        // ("lb. md.") and is not part of the word.
        while (k < size && (is_letter(static_cast<unsigned char>(buf_[k])) ||
                            (buf_[k] == '-' && k + 1 < size &&
                             is_letter(static_cast<unsigned char>(buf_[k + 1])))))
          ++k;
        t.size = static_cast<std::uint16_t>(k - t.begin);
        if (k < size && buf_[k] == '.') ++k;
      } else {
        t.kind = tk::sym;
        t.sym = static_cast<char>(c);
        t.size = 1;
        ++k;
      }
    }
    token& e = toks_[n_++];
    e.kind = tk::end;
    e.begin = static_cast<std::uint16_t>(size);
    e.size = 0;
    e.sym = 0;
    e.mantissa = 0;
    e.scale = 0;
  }

  // Whether the token before a number asks for a whole number (days, a day of the month):
  // '/' in "2/10" and "n/30", '+' in "LM+30", 'net' / 'n' / 'netto', 'cutoff'.
  [[nodiscard]] bool wants_whole_number(const token& before) const noexcept {
    if (before.kind == tk::sym) return before.sym == '/' || before.sym == '+';
    if (before.kind != tk::word) return false;
    const std::string_view w(buf_.data() + before.begin, before.size);
    return is_net_word(w) || w == "cutoff" || w == "cut-off";
  }

  // A number: digits, then optionally a decimal point or a decimal COMMA and more digits.
  // The decimal comma (Nordic "2,5/10 netto 30", "ränta 8,5 %") is a comma BETWEEN TWO
  // DIGITS, except where only a whole number can follow (`whole`: after '/', '+', 'net',
  // 'cutoff'); there, as everywhere a space follows it, a comma separates items, so
  // "2/10,1/20,net 45" keeps its two tiers and "2,5/10, 1/20, net 45" has 2.5 % as its first.
  void lex_number(token& t, std::size_t& k, bool whole) noexcept {
    const std::size_t size = text_.size();
    t.kind = tk::number;
    int digits = 0;
    bool too_long = false;
    auto take = [&](unsigned char d) {
      if (++digits > 18) too_long = true;
      else t.mantissa = t.mantissa * 10 + (d - '0');
    };
    while (k < size && is_digit(static_cast<unsigned char>(buf_[k]))) take(static_cast<unsigned char>(buf_[k++]));
    if (k + 1 < size && (buf_[k] == '.' || (buf_[k] == ',' && !whole)) &&
        is_digit(static_cast<unsigned char>(buf_[k + 1]))) {
      ++k;
      while (k < size && is_digit(static_cast<unsigned char>(buf_[k]))) {
        take(static_cast<unsigned char>(buf_[k++]));
        ++t.scale;
      }
    }
    if (too_long) t.scale = 0xFF;  // reported where the number is used
    t.size = static_cast<std::uint16_t>(k - t.begin);
    // An ordinal suffix glued to the number ("10th prox") is part of it.
    if (k + 1 < size) {
      const std::string_view s(buf_.data() + k, 2);
      const bool end_after = k + 2 >= size || !is_letter(static_cast<unsigned char>(buf_[k + 2]));
      if (end_after && (s == "st" || s == "nd" || s == "rd" || s == "th")) k += 2;
    }
  }

  // --- token helpers -----------------------------------------------------------------------
  [[nodiscard]] const token& cur() const noexcept { return toks_[i_]; }
  [[nodiscard]] const token& at(std::size_t ahead) const noexcept {
    const std::size_t j = i_ + ahead;
    return toks_[j < n_ ? j : n_ - 1];
  }
  [[nodiscard]] std::string_view word(const token& t) const noexcept {
    return t.kind == tk::word ? std::string_view(buf_.data() + t.begin, t.size) : std::string_view{};
  }
  [[nodiscard]] std::string_view original(const token& t) const noexcept {
    return text_.substr(t.begin, t.size);
  }
  [[nodiscard]] bool is_word(std::string_view w, std::size_t ahead = 0) const noexcept {
    return word(at(ahead)) == w;
  }
  [[nodiscard]] bool is_sym(char c, std::size_t ahead = 0) const noexcept {
    return at(ahead).kind == tk::sym && at(ahead).sym == c;
  }
  [[nodiscard]] bool is_number(std::size_t ahead = 0) const noexcept {
    return at(ahead).kind == tk::number;
  }

  bool fail(std::size_t byte, std::string_view why, std::string_view quote = {}) noexcept {
    err_ = {byte, why, quote};
    return false;
  }
  bool unexpected() noexcept {
    if (cur().kind == tk::end) return fail(cur().begin, "unexpected end of text");
    return fail(cur().begin, "unexpected", original(cur()));
  }

  // A whole number (days, months, day of month) at the cursor.
  bool whole_number(std::int32_t& out, std::string_view why, std::string_view after) noexcept {
    const token& t = cur();
    if (t.kind != tk::number) return fail(t.begin, why, after);
    if (t.scale != 0 || t.mantissa > 99'999)
      return fail(t.begin, "expected a whole number of at most 5 digits, found", original(t));
    out = static_cast<std::int32_t>(t.mantissa);
    ++i_;
    return true;
  }
  // A percentage at the cursor (the number only; '%' is handled by the caller).
  bool percentage(rate& out) noexcept {
    const token& t = cur();
    if (t.scale > 7) return fail(t.begin, "a percentage may have at most 7 decimals:", original(t));
    std::int64_t limit = 1000;  // percent; 1000 % is beyond any discount or interest rate
    for (int s = 0; s < t.scale; ++s) limit *= 10;
    if (t.mantissa > limit) return fail(t.begin, "percentage out of range:", original(t));
    std::int64_t ppb = t.mantissa;
    for (int s = t.scale; s < 7; ++s) ppb *= 10;  // percent -> ppb: x 10^7
    out = rate::ppb(ppb);
    ++i_;
    return true;
  }

  // --- grammar -------------------------------------------------------------------------------
  bool body(payment_terms& t) {
    if (cash_form(t)) return true;
    const std::string_view w = word(cur());
    if (w == "løbende" || w == "löpande" || w == "løpende" || w == "lb" || w == "lm" ||
        w == "löp") {
      last_item_ = cur().begin;
      ++i_;
      const std::string_view m = word(cur());
      if (m == "måned" || m == "månad" || m == "md" || m == "mnd" || m == "mån" || m == "måneds")
        ++i_;
      if (!is_sym('+')) return fail(cur().begin, "expected '+' after the current month");
      ++i_;
      if (!whole_number(t.net, "expected a number of days after", "+")) return false;
      if (is_days_word(word(cur()))) ++i_;
      if (word(cur()) == "netto") ++i_;
      t.anchor = term_anchor::end_of_month;
      return modifiers(t);
    }
    return credit_items(t);
  }

  // COD, CIA, due on receipt and their Nordic names. True when one matched (cursor moved).
  bool cash_form(payment_terms& t) noexcept {
    const std::string_view w = word(cur());
    auto take = [&](term_kind k, std::size_t words) {
      t.kind = k;
      i_ += words;
      return true;
    };
    if (w == "cod" || w == "efterkrav" || w == "oppkrav" || w == "postoppkrav" ||
        w == "jälkivaatimus")
      return take(term_kind::cash_on_delivery, 1);
    if (w == "cia" || w == "prepayment" || w == "prepaid" || w == "forskudd" || w == "forskud" ||
        w == "förskott" || w == "ennakkomaksu")
      return take(term_kind::cash_in_advance, 1);
    if (w == "cash" && is_word("on", 1) && is_word("delivery", 2))
      return take(term_kind::cash_on_delivery, 3);
    if (w == "cash" && is_word("in", 1) && is_word("advance", 2))
      return take(term_kind::cash_in_advance, 3);
    if (w == "due" && is_word("on", 1) && is_word("receipt", 2))
      return take(term_kind::due_on_receipt, 3);
    if (w == "on" && is_word("receipt", 1)) return take(term_kind::due_on_receipt, 2);
    if (w == "kontant" || w == "käteinen") return take(term_kind::due_on_receipt, 1);
    if (w == "netto" && is_word("kontant", 1)) return take(term_kind::due_on_receipt, 2);
    return false;
  }

  // Discount tiers, one net period or instalments, with modifiers, separated by ',' or spaces.
  bool credit_items(payment_terms& t) {
    bool have_net = false;
    bool first = true;
    while (true) {
      if (!first && is_sym(',')) {
        ++i_;
        if (cur().kind == tk::end) return fail(cur().begin, "expected more terms after ','");
      }
      if (cur().kind == tk::end || is_sym(';')) break;
      if (!first && !starts_item()) return unexpected();
      first = false;
      last_item_ = cur().begin;
      const std::size_t item_begin = cur().begin;
      if (is_number() && (is_sym('/', 1) || (is_sym('%', 1) && (is_sym('/', 2) || is_number(2))))) {
        // "2/10", "2%/10", or the Nordic "2 % 10 dagar": a discount tier.
        if (have_net || !t.installments.empty())
          return fail(item_begin, "a discount tier must come before the net period");
        discount_tier d{};
        if (!percentage(d.discount)) return false;
        if (is_sym('%')) ++i_;
        if (is_sym('/')) ++i_;  // required unless '%' came first (checked above)
        if (!whole_number(d.within_days, "expected a number of days after", "/")) return false;
        if (is_days_word(word(cur()))) ++i_;
        if (!t.discounts.empty() && d.within_days <= t.discounts.back().within_days)
          return fail(item_begin, "discount tiers must have strictly increasing days");
        if (!t.discounts.empty() && d.discount >= t.discounts.back().discount)
          return fail(item_begin, "discount tiers must have strictly decreasing discounts");
        if (!t.discounts.try_push_back(d))
          return fail(item_begin, "more than 4 discount tiers");
        if (!modifiers(t)) return false;
        continue;
      }
      if (is_share_start()) {
        if (have_net || !t.discounts.empty())
          return fail(item_begin, "instalments cannot be combined with a single net period or discounts");
        installment p{};
        if (is_word("balance") || is_word("rest") || is_word("resten")) {
          p.kind = share_kind::balance;
          ++i_;
        } else if (is_sym('%', 1)) {
          p.kind = share_kind::percent;
          if (!percentage(p.share)) return false;
          ++i_;  // '%'
        } else {
          p.kind = share_kind::amount;
          if (cur().scale > decimal::max_scale)
            return fail(cur().begin, "an amount may have at most 18 digits:", original(cur()));
          p.amount = decimal(cur().mantissa, cur().scale);
          ++i_;
        }
        if (!is_net_word(word(cur())))
          return fail(cur().begin, "expected 'net' and a period after the instalment share");
        if (!net_period(t, p.net, p.unit)) return false;
        // "... end of month": this instalment alone falls due at the end of the month in which
        // its period ends (a schedule mixing plain and end-of-month lines).
        if (end_of_month_words()) {
          if (t.anchor != term_anchor::invoice_date)
            return fail(cur().begin, "cannot mix an instalment's 'end of month' with EOM, prox or 'then'");
          p.anchor = term_anchor::end_of_month_after;
          i_ += 3;
          if (!modifiers(t)) return false;
        }
        if (!t.installments.try_push_back(p))
          return fail(item_begin, "more than 12 instalments");
        t.kind = term_kind::installments;
        continue;
      }
      // A single net period.
      if (have_net) return fail(item_begin, "a second net period");
      if (!t.installments.empty())
        return fail(item_begin, "instalments cannot be combined with a single net period");
      if (!net_period(t, t.net, t.unit)) return false;
      if (end_of_month_words()) {  // "net 30 end of month" = "net 30 then EOM"
        if (t.anchor != term_anchor::invoice_date)
          return fail(cur().begin, "cannot mix 'end of month' with EOM, prox or 'then'");
        t.anchor = term_anchor::end_of_month_after;
        i_ += 3;
        if (!modifiers(t)) return false;
      }
      have_net = true;
    }
    if (t.kind == term_kind::net && !have_net) {
      if (!t.discounts.empty())
        return fail(cur().begin, "expected 'net' and a period after the discount tiers");
      return unexpected();
    }
    return true;
  }

  // "end of month" at the cursor (the ERP meaning: the end of the month in which the period ends).
  [[nodiscard]] bool end_of_month_words() const noexcept {
    return is_word("end") && is_word("of", 1) && is_word("month", 2);
  }

  [[nodiscard]] bool starts_item() const noexcept {
    const std::string_view w = word(cur());
    return is_number() || is_net_word(w) || w == "balance" || w == "rest" || w == "resten";
  }
  [[nodiscard]] bool is_share_start() const noexcept {
    if (is_word("balance") || is_word("rest") || is_word("resten")) return true;
    if (!is_number()) return false;
    if (is_sym('%', 1)) return true;
    // "1000 net 30": an amount; but "30 netto" alone is a net period.
    return is_net_word(word(at(1))) && at(2).kind == tk::number;
  }

  // A net period: "net 30", "n/30", "netto 30 dagar", "30 dager netto", "10 prox",
  // "net 2 months", followed by modifiers.
  bool net_period(payment_terms& t, std::int32_t& n, term_unit& unit) {
    unit = term_unit::day;
    if (is_number()) {
      if (!whole_number(n, "expected a number of days", {})) return false;
      if (is_months_word(word(cur()))) {
        unit = term_unit::month;
        ++i_;
      } else if (is_days_word(word(cur()))) {
        ++i_;
      }
      if (word(cur()) == "netto" || word(cur()) == "net") ++i_;
      return modifiers(t);
    }
    const token& kw = cur();
    if (!is_net_word(word(kw))) return unexpected();
    ++i_;
    if (is_sym('/')) ++i_;
    if (!whole_number(n, "expected a number of days after", original(kw))) return false;
    if (is_months_word(word(cur()))) {
      unit = term_unit::month;
      ++i_;
    } else if (is_days_word(word(cur()))) {
      ++i_;
    }
    if (word(cur()) == "netto") ++i_;
    return modifiers(t);
  }

  // EOM, prox, cut-off and snap after a period; they apply to the whole terms.
  bool modifiers(payment_terms& t) noexcept {
    while (true) {
      const std::string_view w = word(cur());
      if (w == "eom") {
        if (t.anchor == term_anchor::proximo)
          return fail(cur().begin, "cannot mix end-of-month and proximo:", original(cur()));
        t.anchor = term_anchor::end_of_month;
        ++i_;
      } else if (w == "prox" || w == "proximo") {
        if (t.anchor == term_anchor::end_of_month)
          return fail(cur().begin, "cannot mix end-of-month and proximo:", original(cur()));
        t.anchor = term_anchor::proximo;
        ++i_;
      } else if (w == "cutoff" || w == "cut-off") {
        const token& kw = cur();
        ++i_;
        std::int32_t day = 0;
        if (!whole_number(day, "expected a day of the month after", original(kw))) return false;
        if (day < 1 || day > 30) return fail(kw.begin, "the cut-off day must be 1..30");
        t.cutoff_day = static_cast<std::uint8_t>(day);
      } else if (w == "snap") {
        t.month_end_rule = month_end::snap;
        ++i_;
      } else if (w == "then") {
        // "net 30 then EOM": the end of the month in which the period ends; "net 30 then day 10":
        // day 10 of the month after it.
        const token& kw = cur();
        ++i_;
        if (t.anchor != term_anchor::invoice_date)
          return fail(kw.begin, "cannot mix 'then' with end-of-month or proximo:", original(kw));
        if (word(cur()) == "eom") {
          t.anchor = term_anchor::end_of_month_after;
          ++i_;
        } else if (word(cur()) == "day") {
          const token& day_kw = cur();
          ++i_;
          std::int32_t day = 0;
          if (!whole_number(day, "expected a day of the month after", original(day_kw))) return false;
          if (day < 1 || day > 31) return fail(day_kw.begin, "the day of the following month must be 1..31");
          t.anchor = term_anchor::day_of_month_after;
          t.day_of_month = static_cast<std::uint8_t>(day);
        } else {
          return fail(cur().begin, "expected 'EOM' or 'day D' after", original(kw));
        }
      } else {
        return true;
      }
    }
  }

  // "; interest 12%", "; reminder fee".
  bool clause(payment_terms& t) noexcept {
    const std::string_view w = word(cur());
    if (w == "late" && (is_word("interest", 1) || is_word("payment", 1))) ++i_;
    const std::string_view w2 = word(cur());
    if (w2 == "interest" || w2 == "rente" || w2 == "ränta" || w2 == "korko" ||
        w2 == "forsinkelsesrente" || w2 == "dröjsmålsränta" || w2 == "morarente" ||
        w2 == "viivästyskorko") {
      const token& kw = cur();
      ++i_;
      if (!is_number()) return fail(cur().begin, "expected an interest rate in percent after", original(kw));
      rate r{};
      if (!percentage(r)) return false;
      if (!is_sym('%')) return fail(cur().begin, "expected '%' after the interest rate");
      ++i_;
      if (is_word("p") && is_word("a", 1)) i_ += 2;  // "p.a."
      t.clauses.late_interest = r;
      return true;
    }
    if ((w2 == "reminder" && is_word("fee", 1)) || w2 == "purregebyr" ||
        w2 == "påminnelseavgift" || w2 == "rykkergebyr" || w2 == "muistutusmaksu") {
      i_ += w2 == "reminder" ? 2u : 1u;
      if (is_word("agreed")) ++i_;
      t.clauses.reminder_fee_agreed = true;
      return true;
    }
    if (cur().kind == tk::end) return fail(cur().begin, "expected a clause after ';'");
    return fail(cur().begin, "expected 'interest R%' or 'reminder fee', found", original(cur()));
  }

  std::string_view text_;
  std::array<char, max_terms_text> buf_;  // lower-cased copy; filled in lex()
  std::array<token, max_tokens> toks_;    // filled in lex()
  std::size_t n_ = 0;
  std::size_t i_ = 0;
  std::size_t last_item_ = 0;
  parse_error err_{};
};

// 1-based position in characters (UTF-8 code points) of byte offset `byte`.
std::size_t column(std::string_view text, std::size_t byte) noexcept {
  std::size_t col = 1;
  for (std::size_t k = 0; k < byte && k < text.size(); ++k)
    if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) ++col;
  return col;
}

void append_period(std::string& s, std::int32_t n, term_unit unit) {
  s += std::to_string(n);
  if (unit == term_unit::month) s += n == 1 ? " month" : " months";
}

}  // namespace

result<payment_terms> parse_terms(std::string_view text) {
  payment_terms t{};
  parser p(text);
  if (p.run(t)) return t;
  const parse_error& e = p.error();
  std::string message = "terms: at " + std::to_string(column(text, e.byte)) + ": ";
  message += e.why;
  if (!e.quote.empty()) {
    message += " '";
    message += e.quote;
    message += "'";
  }
  message += " (in '";
  message += text.substr(0, max_terms_text);
  message += "')";
  return failure{errc::invalid_argument, std::move(message)};
}

std::string format(const payment_terms& t) {
  if (const std::string_view why = invalid_reason(t); !why.empty())
    throw error(errc::invalid_argument, "format: " + std::string(why));
  std::string s;
  switch (t.kind) {
    case term_kind::due_on_receipt: s = "due on receipt"; break;
    case term_kind::cash_on_delivery: s = "COD"; break;
    case term_kind::cash_in_advance: s = "CIA"; break;
    case term_kind::net:
      for (std::size_t i = 0; i < t.discounts.size(); ++i) {
        if (i > 0) s += ", ";
        s += t.discounts[i].discount.percent_string();
        s += '/';
        s += std::to_string(t.discounts[i].within_days);
      }
      if (!t.discounts.empty()) s += t.discounts.size() >= 2 ? ", " : " ";
      s += "net ";
      append_period(s, t.net, t.unit);
      break;
    case term_kind::installments:
      for (std::size_t i = 0; i < t.installments.size(); ++i) {
        const installment& p = t.installments[i];
        if (i > 0) s += ", ";
        switch (p.kind) {
          case share_kind::percent: s += p.share.percent_string() + "%"; break;
          case share_kind::amount: s += p.amount.to_string(); break;
          case share_kind::balance: s += "balance"; break;
        }
        s += " net ";
        append_period(s, p.net, p.unit);
        if (p.anchor == term_anchor::end_of_month_after) s += " end of month";
      }
      break;
  }
  if (t.month_end_rule == month_end::snap) s += " snap";
  if (t.anchor == term_anchor::end_of_month) s += " EOM";
  if (t.anchor == term_anchor::proximo) s += " prox";
  if (t.anchor == term_anchor::end_of_month_after) s += " then EOM";
  if (t.anchor == term_anchor::day_of_month_after) s += " then day " + std::to_string(t.day_of_month);
  if (t.cutoff_day != 0) s += " cutoff " + std::to_string(t.cutoff_day);
  if (t.clauses.late_interest) s += "; interest " + t.clauses.late_interest->percent_string() + "%";
  if (t.clauses.reminder_fee_agreed) s += "; reminder fee";
  return s;
}

KREDITOR_NAMESPACE_END
