// The preset policies, written the way the seed processes describe them.
#include "kreditor/dunning/presets.hpp"

#include <string>

KREDITOR_NAMESPACE_BEGIN  // not `namespace kreditor::dunning`: clang 14 misplaces it outside v0
namespace dunning {
namespace {

using ck = command_kind;

trigger after_due(std::int32_t n) { return {.after_due_days = n}; }
trigger after_deadline(std::int32_t n) { return {.after_previous_deadline_days = n}; }

/// What every preset shares: statutory interest, and the good practice after a broken promise
/// (cash terms: no new credit until the debt is paid) or a broken payment plan (cash terms and
/// no deliveries). Neither is a legal step, so no law limits them; a host that wants otherwise
/// clears them.
policy national(std::string name, jurisdiction j) {
  return {.name = std::move(name), .jurisdiction = j, .interest = interest_mode::statutory,
          .on_broken_promise = {ck::cash_terms}, .on_broken_plan = {ck::cash_terms, ck::credit_hold}};
}

policy norway() {
  policy p = national("NO", jurisdiction::no);
  p.steps = {
      {.name = "purring", .trigger = after_due(14), .commands = {ck::send_reminder},
       .deadline_days = 14, .fee = fee_spec::statutory_cap()},
      {.name = "inkassovarsel", .trigger = after_deadline(1), .commands = {ck::collection_warning},
       .deadline_days = 14, .fee = fee_spec::statutory_cap()},
      {.name = "inkasso", .trigger = after_deadline(1), .commands = {ck::hand_over_to_collection}},
  };
  return p;
}

policy sweden() {
  policy p = national("SE", jurisdiction::se);
  p.reminder_fee_agreement = fee_agreement::per_invoice;  // 2 §: only where agreed
  p.steps = {
      {.name = "påminnelse", .trigger = after_due(8), .commands = {ck::send_reminder},
       .deadline_days = 10, .fee = fee_spec::statutory_cap()},
      {.name = "inkassokrav", .trigger = after_deadline(1), .commands = {ck::collection_warning},
       .deadline_days = 10, .fee = fee_spec::statutory_cap()},
      {.name = "inkasso", .trigger = after_deadline(1), .commands = {ck::hand_over_to_collection}},
  };
  return p;
}

policy denmark() {
  policy p = national("DK", jurisdiction::dk);
  p.steps = {
      {.name = "rykker 1", .trigger = after_due(1), .commands = {ck::send_reminder},
       .deadline_days = 10, .fee = fee_spec::statutory_cap()},
      {.name = "rykker 2", .trigger = after_deadline(1), .commands = {ck::send_reminder},
       .deadline_days = 10, .fee = fee_spec::statutory_cap()},
      // The last rykker warns that collection (and its costs) follows.
      {.name = "rykker 3", .trigger = after_deadline(1),
       .commands = {ck::send_reminder, ck::collection_warning}, .deadline_days = 10,
       .fee = fee_spec::statutory_cap(), .fee_kind = fee_kind::reminder},
      {.name = "inkasso", .trigger = after_deadline(1), .commands = {ck::hand_over_to_collection}},
  };
  return p;
}

policy finland() {
  policy p = national("FI", jurisdiction::fi);
  p.steps = {
      {.name = "maksumuistutus", .trigger = after_due(14), .commands = {ck::send_reminder},
       .deadline_days = 14, .fee = fee_spec::statutory_cap()},
      {.name = "maksuvaatimus", .trigger = after_deadline(1), .commands = {ck::collection_warning},
       .deadline_days = 14},
      {.name = "perintä", .trigger = after_deadline(1), .commands = {ck::hand_over_to_collection}},
  };
  return p;
}

policy europe() {
  policy p = national("EU", jurisdiction::eu);
  p.steps = {
      // Directive art. 6: EUR 40 per late commercial payment, without a reminder needed.
      {.name = "reminder", .trigger = after_due(1), .commands = {ck::send_reminder},
       .deadline_days = 14, .fee = fee_spec::statutory_cap(), .fee_kind = fee_kind::compensation},
      {.name = "final notice", .trigger = after_deadline(1), .commands = {ck::collection_warning},
       .deadline_days = 14},
      {.name = "collection", .trigger = after_deadline(1), .commands = {ck::hand_over_to_collection}},
  };
  return p;
}

policy single_reminder(jurisdiction j) {
  policy p = national("single-reminder", j);
  // In Norway the one notice before collection must be the inkassovarsel (inkassoloven § 9).
  const ck notice = j == jurisdiction::no ? ck::collection_warning : ck::send_reminder;
  p.steps = {
      {.name = "reminder", .trigger = after_due(14), .commands = {notice}, .deadline_days = 14,
       .fee = fee_spec::statutory_cap()},
      {.name = "collection", .trigger = after_deadline(1), .commands = {ck::hand_over_to_collection}},
  };
  return p;
}

policy relationship_first(jurisdiction j) {
  policy p = national("relationship-first", j);
  const bool warning_fee = j != jurisdiction::fi;  // FI: maksuvaatimus caps depend on principal
  p.steps = {
      {.name = "receipt confirmation", .trigger = {.after_invoice_days = 1},
       .commands = {ck::receipt_confirmation}},
      {.name = "courtesy e-mail", .trigger = after_due(-3), .commands = {ck::courtesy_email}},
      {.name = "e-mail reminder", .trigger = after_due(5), .commands = {ck::courtesy_email}},
      {.name = "phone call", .trigger = after_due(7), .commands = {ck::phone_call}},
      {.name = "account manager", .trigger = after_due(8), .commands = {ck::notify_account_manager}},
      {.name = "reminder", .trigger = after_due(14), .commands = {ck::send_reminder},
       .deadline_days = 14, .fee = fee_spec::statutory_cap()},
      {.name = "collection warning", .trigger = after_deadline(1),
       .commands = {ck::collection_warning, ck::credit_hold}, .deadline_days = 14,
       .fee = warning_fee ? fee_spec::statutory_cap() : fee_spec::none()},
      {.name = "collection", .trigger = after_deadline(1), .commands = {ck::hand_over_to_collection}},
  };
  return p;
}

// The B2B variant of a national preset: for a business debtor the first reminder charges the
// fixed B2B compensation (NO standardkompensasjon, SE förseningsersättning 450 SEK, DK
// kompensationsbeløb 310 DKK, FI vakiokorvaus 40 EUR; fee_rules.json) instead of the reminder
// fee, once per claim (the engine charges it once: overlay::compensated); a consumer gets the
// national preset's reminder. The other steps are the national preset's.
// UNCERTAIN (not modelled): SE 4 b § deducts reminder and inkassokrav fees from the 450 SEK;
// whether NO and DK allow the later collection fees beside the compensation was not researched.
// Before a business claim is handed over, once the collection warning's deadline has passed:
// propose set-off against what we owe the customer, then realise security held (each skipped
// when the customer has none; dunning/cover.hpp), as the seed processes advise.
policy b2b_variant(policy p) {
  p.name += "-B2B";
  policy_step consumer = p.steps.front();
  consumer.segment = segment::b2c;
  policy_step business = p.steps.front();
  business.name += " (B2B)";
  business.segment = segment::b2b;
  business.fee = fee_spec::statutory_cap();
  business.fee_kind = fee_kind::compensation;
  p.steps.front() = std::move(consumer);
  p.steps.insert(p.steps.begin() + 1, std::move(business));
  const auto hand_over = p.steps.end() - 1;
  p.steps.insert(hand_over, {{.name = "set-off (B2B)", .trigger = after_deadline(1), .commands = {ck::propose_set_off},
                              .segment = segment::b2b},
                             {.name = "security (B2B)", .trigger = after_deadline(1), .commands = {ck::realise_security},
                              .segment = segment::b2b}});
  return p;
}

}  // namespace

std::vector<std::string_view> preset_names() {
  return {"NO", "SE", "DK", "FI", "EU", "single-reminder", "relationship-first"};
}

std::vector<std::string_view> b2b_preset_names() { return {"NO-B2B", "SE-B2B", "DK-B2B", "FI-B2B"}; }

policy preset(std::string_view name, std::optional<jurisdiction> j) {
  auto national_preset = [&](jurisdiction own, policy (*make)()) {
    if (j && *j != own)
      throw error(errc::conflict, "preset '" + std::string(name) + "' is for " + std::string(to_string(own)) +
                                      ", not " + std::string(to_string(*j)));
    return make();
  };
  if (name == "NO") return national_preset(jurisdiction::no, norway);
  if (name == "SE") return national_preset(jurisdiction::se, sweden);
  if (name == "DK") return national_preset(jurisdiction::dk, denmark);
  if (name == "FI") return national_preset(jurisdiction::fi, finland);
  if (name == "EU") return national_preset(jurisdiction::eu, europe);
  if (name == "NO-B2B") return b2b_variant(national_preset(jurisdiction::no, norway));
  if (name == "SE-B2B") return b2b_variant(national_preset(jurisdiction::se, sweden));
  if (name == "DK-B2B") return b2b_variant(national_preset(jurisdiction::dk, denmark));
  if (name == "FI-B2B") return b2b_variant(national_preset(jurisdiction::fi, finland));
  if (name == "single-reminder") return single_reminder(j.value_or(jurisdiction::eu));
  if (name == "relationship-first") return relationship_first(j.value_or(jurisdiction::eu));
  throw error(errc::not_found, "preset '" + std::string(name) +
                                   "' is not one of NO, SE, DK, FI, EU, NO-B2B, SE-B2B, DK-B2B, FI-B2B, "
                                   "single-reminder, relationship-first");
}

}  // namespace dunning
KREDITOR_NAMESPACE_END
