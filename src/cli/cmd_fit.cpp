// `kreditor fit`: a logistic regression on a numeric CSV file, as R's glm(binomial) does it.
//
//   kreditor fit --data FILE.csv --target COLUMN [--l2 LAMBDA] [--weights COLUMN] [--no-intercept]
//                [--save-model FILE.json] [--threads N] [--json]
//
// Every column other than the target (0/1) and the weights is a predictor; an intercept named
// "(Intercept)" comes first unless --no-intercept. Output (one JSON object): coefficients and
// std_errors (name -> number, in model order), log_likelihood, iterations, converged, auc (in
// sample), plus rows, null_log_likelihood, l2. --save-model writes the model for `score --model`.
// Cells must be plain numbers (quoted header names are fine); categorical columns must be
// dummy-coded first (see tests/data/scoring/make_reference.py for one way).
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "kreditor/io/scoring_json.hpp"
#include "kreditor/scoring/evaluation.hpp"
#include "kreditor/scoring/logistic.hpp"

namespace kreditor::cli {
namespace {

std::string read_file(const std::string& path, const std::string& option) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw usage_error{"--" + option + ": cannot read '" + path + "'"};
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      cells.push_back(cell);
      cell.clear();
    } else if (c != '\r') {
      cell += c;
    }
  }
  cells.push_back(cell);
  return cells;
}

struct numeric_csv {
  std::vector<std::string> names;
  std::vector<std::vector<double>> columns;
};

numeric_csv read_numeric_csv(const std::string& path) {
  std::istringstream in(read_file(path, "data"));
  numeric_csv t;
  std::string line;
  if (!std::getline(in, line)) throw usage_error{path + ": empty file (a header row is needed)"};
  t.names = split_csv_line(line);
  t.columns.resize(t.names.size());
  int line_no = 1;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line == "\r") continue;
    const auto cells = split_csv_line(line);
    if (cells.size() != t.names.size())
      throw usage_error{path + ":" + std::to_string(line_no) + ": " + std::to_string(cells.size()) + " fields, the header has " +
                        std::to_string(t.names.size())};
    for (std::size_t j = 0; j < cells.size(); ++j) {
      char* end = nullptr;
      const double v = std::strtod(cells[j].c_str(), &end);
      if (cells[j].empty() || end == cells[j].c_str() || *end != '\0')
        throw usage_error{path + ":" + std::to_string(line_no) + ":" + std::to_string(j + 1) + ": '" + cells[j] +
                          "' in column '" + t.names[j] + "' is not a number (dummy-code categorical columns first)"};
      t.columns[j].push_back(v);
    }
  }
  return t;
}

double parse_number(const std::string& text, const std::string& option) {
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0') throw usage_error{"--" + option + ": '" + text + "' is not a number"};
  return v;
}

}  // namespace

int cmd_fit(context& ctx) {
  const args a(ctx.argv, {"data", "target", "l2", "weights", "save-model", "threads"}, {"no-intercept", "json"});
  if (!a.positionals().empty()) throw usage_error{"unexpected argument '" + a.positionals().front() + "'"};
  const std::string path = a.require("data");
  const std::string target = a.require("target");
  const numeric_csv t = read_numeric_csv(path);
  const auto index_of = [&](const std::string& name, const std::string& option) {
    for (std::size_t j = 0; j < t.names.size(); ++j)
      if (t.names[j] == name) return j;
    throw usage_error{"--" + option + ": no column '" + name + "' in " + path};
  };
  const std::size_t yi = index_of(target, "target");
  const std::optional<std::string> wname = a.get("weights");
  const std::size_t wi = wname ? index_of(*wname, "weights") : t.names.size();
  if (wname && wi == yi) throw usage_error{"--weights: the target cannot be the weights"};

  std::vector<double> x;
  std::vector<std::string> names;
  for (std::size_t j = 0; j < t.names.size(); ++j) {
    if (j == yi || j == wi) continue;
    names.push_back(t.names[j]);
    x.insert(x.end(), t.columns[j].begin(), t.columns[j].end());
  }
  const std::vector<double>& y = t.columns[yi];
  const std::vector<double> none;
  const std::vector<double>& w = wname ? t.columns[wi] : none;
  scoring::logistic_options o;
  o.intercept = !a.flag("no-intercept");
  if (auto l2 = a.get("l2")) o.l2 = parse_number(*l2, "l2");
  if (auto th = a.get("threads")) o.threads = static_cast<unsigned>(parse_number(*th, "threads"));
  const scoring::design d{.x = x, .rows = y.size(), .cols = names.size(), .y = y, .weights = w, .names = names};
  const scoring::logistic_fit f = scoring::fit_logistic(d, o);

  std::vector<double> p(y.size());
  scoring::predict_probabilities(f.model, x, y.size(), p);
  nlohmann::ordered_json out;
  out["coefficients"] = nlohmann::ordered_json::object();
  out["std_errors"] = nlohmann::ordered_json::object();
  for (std::size_t j = 0; j < f.model.names.size(); ++j) {
    out["coefficients"][f.model.names[j]] = f.model.coefficients[j];
    out["std_errors"][f.model.names[j]] = f.std_errors[j];
  }
  out["log_likelihood"] = f.log_likelihood;
  out["iterations"] = f.iterations;
  out["converged"] = f.converged;
  bool both = false;
  for (double v : y) both = both || v != y.front();
  if (both) {
    out["auc"] = scoring::auc(p, y);
  } else {
    out["auc"] = nullptr;
  }
  out["rows"] = y.size();
  out["null_log_likelihood"] = f.null_log_likelihood;
  out["l2"] = o.l2;
  out["max_abs_gradient"] = f.max_abs_gradient;
  if (auto save = a.get("save-model")) {
    std::ofstream file(*save, std::ios::binary);
    file << to_json(f.model);
    if (!file) throw usage_error{"--save-model: cannot write '" + *save + "'"};
  }
  ctx.out << out.dump(a.flag("json") ? -1 : 2) << "\n";
  return exit_ok;
}

}  // namespace kreditor::cli
