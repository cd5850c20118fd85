#include "kreditor/documents/party.hpp"

#include <nlohmann/json.hpp>

#include "jurisdiction/data_support.hpp"

KREDITOR_NAMESPACE_BEGIN

std::string creditor_profile::account_for(currency c) const {
  const std::string* any = nullptr;
  for (const auto& [code, account] : accounts) {
    if (code == c.code()) return account;
    if (code == "*") any = &account;
  }
  return any ? *any : std::string{};
}

result<creditor_profile> parse_creditor_json(std::string_view text, std::string_view origin) {
  const std::string who(origin);
  try {
    const nlohmann::json j = detail::parse_json(text, who);
    if (!j.is_object()) return failure{errc::invalid_argument, who + ": not a JSON object"};
    if (detail::json_string_or(j, "format", "") != "kreditor.creditor/1")
      return failure{errc::invalid_argument, who + ": format: \"kreditor.creditor/1\" expected"};
    creditor_profile c;
    for (const auto& [key, value] : j.items()) {
      const std::string where = who + ": " + key;
      if (key == "format" || key == "about") continue;
      if (key == "accounts") {
        if (!value.is_object()) return failure{errc::invalid_argument, where + ": an object of currency -> account expected"};
        for (const auto& [code, account] : value.items()) {
          if (!account.is_string() || account.get<std::string>().empty())
            return failure{errc::invalid_argument, where + "." + code + ": a non-empty string expected"};
          if (code != "*" && !currency::parse(code))
            return failure{errc::invalid_argument, where + "." + code + ": not an ISO 4217 currency code (or \"*\")"};
          c.accounts.emplace_back(code, account.get<std::string>());
        }
        continue;
      }
      std::string* field = key == "name"         ? &c.self.name
                           : key == "org_number" ? &c.self.org_number
                           : key == "address"    ? &c.self.address
                           : key == "contact"    ? &c.self.contact
                                                 : nullptr;
      if (!field)
        return failure{errc::invalid_argument,
                       where + ": unknown key (known: format, name, org_number, address, contact, accounts)"};
      if (!value.is_string()) return failure{errc::invalid_argument, where + ": a string expected"};
      *field = value.get<std::string>();
    }
    if (c.self.name.empty()) return failure{errc::invalid_argument, who + ": name: required"};
    return c;
  } catch (const error& e) {
    return failure{e.code(), e.what()};
  }
}

KREDITOR_NAMESPACE_END
