// The state file of `kreditor run --state FILE`: the library's run state as JSON
// (kreditor/book/state_json.hpp, where the schema is). The CLI reads and writes the file.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/cli.hpp"
#include "cli/run_book.hpp"
#include "kreditor/book/state_json.hpp"

namespace kreditor::cli::run {
namespace {

[[noreturn]] void bad(const std::string& path, const std::string& what) {
  throw usage_error{path + ": " + what};
}

}  // namespace

state_file read_state(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return {};
  std::ifstream in(path, std::ios::binary);
  if (!in) bad(path, "cannot be read");
  std::stringstream text;
  text << in.rdbuf();
  // The message starts with the path and names the entry: "PATH: notices[0].sent: ...".
  result<state_file> s = parse_state_json(text.str(), path);
  if (!s) throw usage_error{s.error().message + " (reading the state file)"};
  return std::move(s).value();
}

void write_state(const std::string& path, const state_file& s) {
  std::string text;
  try {
    text = to_json(s);
  } catch (const error& e) {
    bad(path, std::string(e.what()) + " (writing the state file)");
  }
  // Write beside the target and rename: a crash never leaves half a state file behind.
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) bad(path, "cannot be written");
    out << text;
    if (!out.flush()) bad(path, "cannot be written");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) bad(path, "cannot be replaced: " + ec.message());
}

}  // namespace kreditor::cli::run
