// -----------------------------------------------------------------------------
// File: kreditor/io/policy_json.hpp
// -----------------------------------------------------------------------------
//
// Dunning policies as JSON. No JSON library type appears here: nlohmann_json is an
// implementation detail of src/io/. Parsing validates every key (unknown keys are errors),
// every value and the order of the steps, then compiles the policy, which runs the legal
// check of its jurisdiction; every error names the key path and the problem.
//
//   result<dunning::policy> p = parse_policy_json(text);
//   if (!p) std::cerr << p.error().message;  // "policy JSON: /steps/1/deadline_days: must be ..."
//
// Schema (kreditor.policy/1). Keys not listed are errors. Days are JSON integers; amounts
// are decimal STRINGS keyed by ISO 4217 code ({"NOK": "35.00"}) so no amount passes through
// a binary float.
//
//   {
//     "name": "NO standard",                  required, non-empty
//     "jurisdiction": "NO",                   required: NO | SE | DK | FI | EU (whose law is checked)
//     "reminder_fee_agreement": "per_invoice",  per_invoice (default) | always | never (SE 2 §)
//     "interest": "statutory",                none (default) | statutory | {"rate": "8.5%"}
//     "minimum_open": {"NOK": "100.00"},      nobody with less open is dunned (per currency)
//     "installment_grace_days": 0,            a plan installment is missed after due + grace
//     "on_broken_promise": ["cash_terms"],    commands when a promise to pay is broken
//     "on_broken_plan": ["cash_terms", "credit_hold"],   ... when a plan installment is missed
//     "steps": [                              required, non-empty, in firing order
//       {
//         "name": "purring",                  required, unique
//         "trigger": {                        required, at least one anchor; fires on the LATEST
//           "after_due_days": 14,             due + n (negative: before due)
//           "before_due_days": 3,             due - n (instead of after_due_days)
//           "after_invoice_days": 1,          invoice date + n
//           "after_previous_notice_days": 10, previous notice's date + n (none yet: invoice date)
//           "after_previous_deadline_days": 1 previous notice's deadline + n (none yet: due date)
//         },
//         "commands": ["send_reminder"],      required: send_reminder | courtesy_email |
//                                             receipt_confirmation | phone_call |
//                                             notify_account_manager | credit_hold | cash_terms |
//                                             collection_warning | hand_over_to_collection |
//                                             custom:NAME (registered in dunning::extensions)
//         "deadline_days": 14,                payment deadline given (rolled per the statutory rule)
//         "fee": "statutory",                 none (default) | statutory (the legal cap in force) |
//                                             {"NOK": "35.00", "EUR": "5.00"} (fixed, per currency)
//         "fee_kind": "reminder",             reminder | collection | compensation (default:
//                                             collection for a collection warning, else reminder)
//         "segment": "b2c",                   only for b2b or b2c debtors (others skip the step)
//         "minimum_open": {"NOK": "500.00"},  wait while less is open
//         "bands": [{"from": {"NOK": "50000.00"}, "commands": ["phone_call"]}],
//                                             from an open amount on, other commands (ascending)
//         "guards": ["my_guard"]              custom guards registered in dunning::extensions
//       }
//     ]
//   }
//
// The end: the policy ends with its last step (usually hand_over_to_collection, which no step
// may follow); after it the invoice stays where it is until paid, credited or written off.
//
// Errors: errc::invalid_argument (bad JSON, unknown key, wrong type, bad value: the message
// names the JSON pointer), errc::conflict (duplicate names or currencies, steps out of firing
// order, a step after the hand-over), errc::legal_violation (the rule, where, and its source),
// errc::not_found (an unregistered guard or custom command).
#ifndef KREDITOR_IO_POLICY_JSON_HPP
#define KREDITOR_IO_POLICY_JSON_HPP

#include <string>
#include <string_view>

#include "kreditor/core/result.hpp"
#include "kreditor/dunning/compiled_policy.hpp"
#include "kreditor/dunning/policy.hpp"

KREDITOR_NAMESPACE_BEGIN

/// Reads and checks a dunning policy (schema above); it is compiled once to prove it is
/// well-ordered and lawful, with `ext` resolving custom guards and commands.
[[nodiscard]] result<dunning::policy> parse_policy_json(std::string_view text,
                                                        const dunning::extensions& ext = {});

/// The policy as JSON in the schema above (pretty-printed); parse_policy_json reads it back
/// to an equal policy.
[[nodiscard]] std::string to_json(const dunning::policy& p);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_IO_POLICY_JSON_HPP
