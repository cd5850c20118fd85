// `kreditor calendar`: the payment calendars from the command line.
//
//   kreditor calendar holidays --calendar CC --from YYYY-MM-DD --to YYYY-MM-DD [--json]
//       Every weekday (Mon-Fri) in the closed range that is not a business day of CC, one per
//       line: `YYYY-MM-DD<TAB>name` (contract: other tools parse it). --json: [{date, name}].
//   kreditor calendar is-business-day --calendar CC --date D [--json]
//       Exit 0 if D is a business day, 1 if not; prints the answer (and the holiday's name).
//   kreditor calendar adjust --calendar CC --date D [--convention C] [--json]  (default following)
//   kreditor calendar advance --calendar CC --date D --days N [--json]
//       Print the resulting date; --json: {calendar, date, convention, adjusted} /
//       {calendar, date, days, result}.
//
// CC: NO, SE, DK, FI, weekends (case-insensitive; also NO-public). Bad input (unknown calendar
// or convention, bad date, from > to, missing option) exits 2 naming the problem.
#include <charconv>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "cli/cli.hpp"
#include "kreditor/time/calendars.hpp"

namespace kreditor::cli {
namespace {

constexpr const char* usage =
    "usage: kreditor calendar holidays --calendar CC --from YYYY-MM-DD --to YYYY-MM-DD [--json]\n"
    "       kreditor calendar is-business-day --calendar CC --date YYYY-MM-DD [--json]\n"
    "       kreditor calendar adjust --calendar CC --date YYYY-MM-DD [--convention C] [--json]\n"
    "       kreditor calendar advance --calendar CC --date YYYY-MM-DD --days N [--json]\n"
    "CC: NO, SE, DK, FI, weekends";

template <class T>
T need(result<T> r, const std::string& option) {
  if (!r) throw usage_error{"--" + option + ": " + r.error().message};
  return std::move(r).value();
}

date date_option(const args& a, const std::string& option) {
  return need(parse_date(a.require(option)), option);
}

int holidays(const args& a, std::ostream& out) {
  const calendar cal = need(calendar_for(a.require("calendar")), "calendar");
  const date from = date_option(a, "from"), to = date_option(a, "to");
  if (from > to)
    throw usage_error{"--from " + to_string(from) + " is after --to " + to_string(to)};
  const auto list = cal.holidays(from, to);
  if (a.flag("json")) {
    nlohmann::json j = nlohmann::json::array();
    for (const auto& [d, name] : list) j.push_back({{"date", to_string(d)}, {"name", name}});
    out << j.dump(2) << "\n";
  } else {
    for (const auto& [d, name] : list) out << to_string(d) << '\t' << name << '\n';
  }
  return exit_ok;
}

int is_business_day(const args& a, std::ostream& out) {
  const calendar cal = need(calendar_for(a.require("calendar")), "calendar");
  const date d = date_option(a, "date");
  const bool open = cal.is_business_day(d);
  const auto name = cal.holiday_name(d);
  const char* why = open ? "" : (name ? "holiday" : "weekend");
  if (a.flag("json")) {
    nlohmann::json j = {{"calendar", cal.name()}, {"date", to_string(d)}, {"business_day", open}};
    j["reason"] = open ? nlohmann::json(nullptr) : nlohmann::json(why);
    j["name"] = name ? nlohmann::json(*name) : nlohmann::json(nullptr);
    out << j.dump(2) << "\n";
  } else {
    out << to_string(d) << '\t' << (open ? "business day" : "not a business day");
    if (!open) out << '\t' << (name ? *name : std::string(why));
    out << '\n';
  }
  return open ? exit_ok : exit_problems;
}

int adjust(const args& a, std::ostream& out) {
  const calendar cal = need(calendar_for(a.require("calendar")), "calendar");
  const date d = date_option(a, "date");
  const auto c = need(parse_business_day_convention(a.get("convention").value_or("following")),
                      "convention");
  const date adjusted = cal.adjust(d, c);
  if (a.flag("json")) {
    const nlohmann::json j = {{"calendar", cal.name()}, {"date", to_string(d)},
                              {"convention", std::string(to_string(c))}, {"adjusted", to_string(adjusted)}};
    out << j.dump(2) << "\n";
  } else {
    out << to_string(adjusted) << '\n';
  }
  return exit_ok;
}

int advance(const args& a, std::ostream& out) {
  const calendar cal = need(calendar_for(a.require("calendar")), "calendar");
  const date d = date_option(a, "date");
  const std::string text = a.require("days");
  int n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n < -100000 || n > 100000)
    throw usage_error{"--days: '" + text + "' is not a whole number of business days in -100000..100000"};
  const date result = cal.advance(d, n);
  if (a.flag("json")) {
    const nlohmann::json j = {{"calendar", cal.name()}, {"date", to_string(d)}, {"days", n},
                              {"result", to_string(result)}};
    out << j.dump(2) << "\n";
  } else {
    out << to_string(result) << '\n';
  }
  return exit_ok;
}

}  // namespace

int cmd_calendar(context& ctx) {
  if (ctx.argv.empty() || ctx.argv.front() == "--help" || ctx.argv.front() == "-h") {
    (ctx.argv.empty() ? ctx.err : ctx.out) << usage << "\n";
    return ctx.argv.empty() ? exit_usage : exit_ok;
  }
  const std::string sub = ctx.argv.front();
  const std::vector<std::string> rest(ctx.argv.begin() + 1, ctx.argv.end());
  if (sub == "holidays") return holidays(args(rest, {"calendar", "from", "to"}, {"json"}), ctx.out);
  if (sub == "is-business-day")
    return is_business_day(args(rest, {"calendar", "date"}, {"json"}), ctx.out);
  if (sub == "adjust") return adjust(args(rest, {"calendar", "date", "convention"}, {"json"}), ctx.out);
  if (sub == "advance") return advance(args(rest, {"calendar", "date", "days"}, {"json"}), ctx.out);
  throw usage_error{"unknown subcommand '" + sub + "' (holidays, is-business-day, adjust, advance)"};
}

}  // namespace kreditor::cli
