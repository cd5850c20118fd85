#include "kreditor/jurisdiction/rate_table.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "jurisdiction/data_support.hpp"

KREDITOR_NAMESPACE_BEGIN

struct rate_table::data {
  std::vector<rate_row> rows;
  rate_table_info info;
};

namespace {

using nlohmann::json;

// The one validation every way of building a table goes through.
void validate(const std::vector<rate_row>& rows, const rate_table_info& info, const std::string& who) {
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const rate_row& r = rows[i];
    const std::string where = rows.size() == 1 ? who : who + ": row " + std::to_string(i + 1);
    if (r.effective_from.is_special())
      throw error(errc::invalid_argument, where + ": effective_from is not a date");
    if (r.source.empty())
      throw error(errc::invalid_argument, where + " (" + to_string(r.effective_from) + "): a source is required");
    if (i > 0 && r.effective_from == rows[i - 1].effective_from)
      throw error(errc::conflict, where + ": two rows take effect on " + to_string(r.effective_from));
    if (i > 0 && r.effective_from < rows[i - 1].effective_from)
      throw error(errc::invalid_argument, where + ": " + to_string(r.effective_from) +
                                              " comes after " + to_string(rows[i - 1].effective_from) +
                                              " (rows must be in date order)");
    if (r.reference && info.margin && *r.reference + *info.margin != r.annual)
      throw error(errc::conflict, where + " (" + to_string(r.effective_from) + "): rate " +
                                      r.annual.percent_string() + " % is not reference " +
                                      r.reference->percent_string() + " % + margin " +
                                      info.margin->percent_string() + " %");
  }
}

template <class F>
auto capture(F&& f) -> result<decltype(f())> {
  try {
    return f();
  } catch (const error& e) {
    return failure{e.code(), e.what()};
  }
}

day_count json_day_count(const json& t, const std::string& where) {
  const auto it = t.find("day_count");
  if (it == t.end()) return day_count::act_365_fixed;
  if (!it->is_string()) throw error(errc::invalid_argument, where + ".day_count: expected a string");
  auto dc = parse_day_count(it->get<std::string>());
  if (!dc) throw error(errc::invalid_argument, where + ".day_count: " + dc.error().message);
  return dc.value();
}

rate_table table_from_json(const json& t, const std::string& who) {
  if (!t.is_object()) throw error(errc::invalid_argument, who + ": a table must be a JSON object");
  rate_table_info info;
  info.id = detail::json_string_or(t, "id", "");
  info.name = detail::json_string_or(t, "name", "");
  info.law = detail::json_string_or(t, "law", "");
  info.formula = detail::json_string_or(t, "formula", "");
  if (t.contains("margin_percent")) info.margin = detail::json_percent(t["margin_percent"], who + ".margin_percent");
  info.basis = json_day_count(t, who);
  info.basis_source = detail::json_string_or(t, "day_count_source", "");
  if (const auto u = t.find("day_count_uncertain"); u != t.end()) {
    if (!u->is_boolean()) throw error(errc::invalid_argument, who + ".day_count_uncertain: expected true or false");
    info.basis_uncertain = u->get<bool>();
  }
  const std::string start = detail::json_string_or(t, "first_interest_day", "day_after_due");
  if (start != "day_after_due" && start != "due_date")
    throw error(errc::invalid_argument, who + ".first_interest_day: '" + start + "' is neither day_after_due nor due_date");
  info.start_on_due_date = start == "due_date";
  info.start_note = detail::json_string_or(t, "first_interest_day_note", "");

  const auto rows_it = t.find("rows");
  if (rows_it == t.end() || !rows_it->is_array())
    throw error(errc::invalid_argument, who + ".rows: an array of rows is required");
  std::vector<rate_row> rows;
  for (std::size_t i = 0; i < rows_it->size(); ++i) {
    const json& r = (*rows_it)[i];
    const std::string where = who + ".rows[" + std::to_string(i) + "]";
    if (!r.is_object()) throw error(errc::invalid_argument, where + ": a row must be an object");
    rate_row row;
    if (!r.contains("effective_from")) throw error(errc::invalid_argument, where + ".effective_from: required");
    row.effective_from = detail::json_date(r["effective_from"], where + ".effective_from");
    if (r.contains("reference_percent"))
      row.reference = detail::json_percent(r["reference_percent"], where + ".reference_percent");
    if (r.contains("rate_percent")) {
      row.annual = detail::json_percent(r["rate_percent"], where + ".rate_percent");
    } else if (row.reference && info.margin) {
      row.annual = *row.reference + *info.margin;
    } else {
      throw error(errc::invalid_argument, where + ".rate_percent: required (or reference_percent with the table's margin_percent)");
    }
    row.source = detail::json_string(r, "source", where);
    row.status = detail::json_string_or(r, "status", "");
    if (r.contains("uncertain")) {
      if (!r["uncertain"].is_boolean()) throw error(errc::invalid_argument, where + ".uncertain: expected true or false");
      row.uncertain = r["uncertain"].get<bool>();
    }
    rows.push_back(std::move(row));
  }
  return rate_table::make(std::move(rows), std::move(info)).value();
}

// ---- CSV -------------------------------------------------------------------------------------

std::vector<std::string> split_csv_line(std::string_view line, const std::string& where) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back().push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back().push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back().push_back(c);
    }
  }
  if (quoted) throw error(errc::invalid_argument, where + ": unterminated quoted field");
  for (auto& f : fields) {  // trim
    const auto b = f.find_first_not_of(" \t");
    const auto e = f.find_last_not_of(" \t");
    f = b == std::string::npos ? std::string() : f.substr(b, e - b + 1);
  }
  return fields;
}

rate csv_percent(const std::string& text, const std::string& where) {
  auto d = decimal::parse(text);
  if (!d) throw error(errc::invalid_argument, where + ": " + d.error().message);
  return detail::percent_rate(d.value(), where);
}

rate_table table_from_csv(std::string_view csv, rate_table_info info, std::optional<rate> margin) {
  if (margin) info.margin = margin;
  std::map<std::string, std::size_t> column;
  std::vector<rate_row> rows;
  std::size_t line_no = 0;
  while (!csv.empty()) {
    const auto nl = csv.find('\n');
    std::string_view line = csv.substr(0, nl);
    csv = nl == std::string_view::npos ? std::string_view() : csv.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos || line.front() == '#') continue;
    const std::string where = "rate table CSV: line " + std::to_string(line_no);
    const auto fields = split_csv_line(line, where);
    if (column.empty()) {
      for (std::size_t i = 0; i < fields.size(); ++i) {
        static const std::vector<std::string> known = {"effective_from", "rate_percent", "reference_percent",
                                                       "source", "uncertain", "status"};
        if (std::find(known.begin(), known.end(), fields[i]) == known.end())
          throw error(errc::invalid_argument, where + ": unknown column '" + fields[i] + "'");
        if (!column.emplace(fields[i], i).second)
          throw error(errc::invalid_argument, where + ": column '" + fields[i] + "' twice");
      }
      for (const char* required : {"effective_from", "source"})
        if (!column.count(required))
          throw error(errc::invalid_argument, where + ": the header needs a '" + required + "' column");
      if (!column.count("rate_percent") && !(column.count("reference_percent") && info.margin))
        throw error(errc::invalid_argument, where + ": the header needs 'rate_percent' (or 'reference_percent' and a margin)");
      continue;
    }
    if (fields.size() != column.size())
      throw error(errc::invalid_argument, where + ": " + std::to_string(fields.size()) + " fields, the header has " +
                                              std::to_string(column.size()));
    const auto field = [&](const char* name) -> std::string {
      const auto it = column.find(name);
      return it == column.end() ? std::string() : fields[it->second];
    };
    rate_row row;
    auto d = parse_date(field("effective_from"));
    if (!d) throw error(errc::invalid_argument, where + ": effective_from: " + d.error().message);
    row.effective_from = d.value();
    if (!field("reference_percent").empty()) row.reference = csv_percent(field("reference_percent"), where + ": reference_percent");
    if (!field("rate_percent").empty()) {
      row.annual = csv_percent(field("rate_percent"), where + ": rate_percent");
    } else if (row.reference && info.margin) {
      row.annual = *row.reference + *info.margin;
    } else {
      throw error(errc::invalid_argument, where + ": rate_percent is empty");
    }
    row.source = field("source");
    if (row.source.empty()) throw error(errc::invalid_argument, where + ": source is empty");
    row.status = field("status");
    const std::string u = field("uncertain");
    if (u == "true" || u == "1" || u == "TRUE" || u == "yes") {
      row.uncertain = true;
    } else if (!(u.empty() || u == "false" || u == "0" || u == "FALSE" || u == "no")) {
      throw error(errc::invalid_argument, where + ": uncertain '" + u + "' is not true/false");
    }
    // Validate as we go so that the error names the line of the offending row.
    if (!rows.empty() && row.effective_from == rows.back().effective_from)
      throw error(errc::conflict, where + ": a second row for " + to_string(row.effective_from));
    if (!rows.empty() && row.effective_from < rows.back().effective_from)
      throw error(errc::invalid_argument, where + ": " + to_string(row.effective_from) + " is before the previous row");
    validate({row}, info, where);
    rows.push_back(std::move(row));
  }
  if (column.empty()) throw error(errc::invalid_argument, "rate table CSV: no header line");
  return rate_table::make(std::move(rows), std::move(info)).value();
}

}  // namespace

result<rate_table> rate_table::make(std::vector<rate_row> rows, rate_table_info info) {
  return capture([&] {
    validate(rows, info, "rate_table" + (info.id.empty() ? std::string() : " " + info.id));
    return rate_table(std::make_shared<const data>(data{std::move(rows), std::move(info)}));
  });
}

rate_table rate_table::constant(rate annual, std::string source) {
  rate_table_info info;
  info.id = "fixed";
  info.name = "fixed rate " + annual.percent_string() + " %";
  // 1400-01-01: Boost's first date, so the rate is in force for every date the library accepts.
  return make({rate_row{.effective_from = make_date(1400, 1, 1), .annual = annual, .source = std::move(source),
                        .status = "given"}},
              std::move(info))
      .value();
}

result<rate_table> rate_table::from_reference(std::vector<rate_row> reference_rows, rate margin,
                                              rate_table_info info) {
  info.margin = margin;
  for (auto& r : reference_rows) {
    r.reference = r.annual;
    r.annual = r.annual + margin;
  }
  return make(std::move(reference_rows), std::move(info));
}

std::span<const rate_row> rate_table::rows() const noexcept {
  if (!d_) return {};
  return d_->rows;
}

const rate_table_info& rate_table::info() const noexcept {
  static const rate_table_info none{};  // immutable, constant-initialised empty info
  return d_ ? d_->info : none;
}

std::size_t rate_table::index_at(date on) const {
  const auto r = rows();
  const auto it = std::upper_bound(r.begin(), r.end(), on,
                                   [](date d, const rate_row& row) { return d < row.effective_from; });
  return static_cast<std::size_t>(it - r.begin()) - 1;
}

result<rate_row> rate_table::row_at(date on) const {
  if (empty() || on < first_date())
    return failure{errc::not_found, "rate_table" + (info().id.empty() ? std::string() : " " + info().id) +
                                        ": no rate in force on " + to_string(on) +
                                        (empty() ? " (the table is empty)" : " (the table starts " + to_string(first_date()) + ")")};
  return rows()[index_at(on)];
}

result<rate> rate_table::rate_at(date on) const {
  auto row = row_at(on);
  if (!row) return row.error();
  return row.value().annual;
}

rate_table rate_table::merged(const rate_table& overrides) const {
  std::map<date, rate_row> by_date;
  for (const auto& r : rows()) by_date[r.effective_from] = r;
  for (const auto& r : overrides.rows()) by_date[r.effective_from] = r;
  std::vector<rate_row> out;
  out.reserve(by_date.size());
  for (auto& [d, r] : by_date) out.push_back(std::move(r));
  return make(std::move(out), info()).value();
}

rate_table rate_table::with_row(rate_row row) const {
  return merged(make({std::move(row)}, rate_table_info{.margin = info().margin}).value());
}

rate_table rate_table::with_info(rate_table_info new_info) const {
  return make(std::vector<rate_row>(rows().begin(), rows().end()), std::move(new_info)).value();
}

result<rate_table> load_rate_table_json(std::string_view text) {
  return capture([&] {
    const json doc = detail::parse_json(text, "rate table JSON");
    if (doc.is_object() && doc.contains("tables")) {
      const json& tables = doc["tables"];
      if (!tables.is_array() || tables.size() != 1)
        throw error(errc::invalid_argument, "rate table JSON: 'tables' must hold exactly one table (use load per table)");
      return table_from_json(tables[0], "rate table JSON tables[0]");
    }
    return table_from_json(doc, "rate table JSON");
  });
}

result<rate_table> load_rate_table_csv(std::string_view csv, rate_table_info info, std::optional<rate> margin) {
  return capture([&] { return table_from_csv(csv, std::move(info), margin); });
}

result<std::vector<rate_table>> shipped_late_interest_tables() {
  return capture([&] {
    const json doc = detail::parse_json(detail::shipped_data("late_interest.json"), "late_interest.json");
    std::vector<rate_table> out;
    const json& tables = doc.at("tables");
    for (std::size_t i = 0; i < tables.size(); ++i)
      out.push_back(table_from_json(tables[i], "late_interest.json tables[" + std::to_string(i) + "]"));
    return out;
  });
}

result<rate_table> statutory_late_interest(jurisdiction j, segment s) {
  return capture([&] {
    if (j == jurisdiction::eu && s == segment::b2c)
      throw error(errc::not_found, "statutory_late_interest: Directive 2011/7/EU covers commercial transactions "
                                   "(b2b) only; use a national table for consumers");
    const json doc = detail::parse_json(detail::shipped_data("late_interest.json"), "late_interest.json");
    const json& tables = doc.at("tables");
    for (std::size_t i = 0; i < tables.size(); ++i) {
      const json& t = tables[i];
      if (t.value("jurisdiction", "") != to_string(j)) continue;
      const auto& segs = t.at("segments");
      if (std::find(segs.begin(), segs.end(), std::string(to_string(s))) == segs.end()) continue;
      return table_from_json(t, "late_interest.json tables[" + std::to_string(i) + "]");
    }
    throw error(errc::not_found, "statutory_late_interest: no shipped table for " + std::string(to_string(j)) +
                                     " " + std::string(to_string(s)));
  });
}

KREDITOR_NAMESPACE_END
