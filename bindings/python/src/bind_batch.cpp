// The numpy batch API: late-interest accrual, aging and the dunning engine over columns.
//
// Columns are read in place: int64 minor units, uint32 / uint16 / uint8 indices and int32 day
// numbers are viewed without a copy (any other dtype is converted once, by numpy). Dates may be
// datetime64[D] too: the kernels count days in int32, so those columns are narrowed to int32
// block by block (16 Ki days at a time, in the cache) rather than copied whole. The GIL is
// released while the kernels run; results are new numpy arrays.
#include <pybind11/numpy.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <type_traits>
#include <thread>

#include "common.hpp"
#include "kreditor/charges/interest_batch.hpp"
#include "kreditor/dunning/batch.hpp"
#include "kreditor/dunning/compiled_policy.hpp"
#include "kreditor/exposure/aging.hpp"
#include "kreditor/time/civil.hpp"

namespace kreditor::python {
namespace {

static_assert(sizeof(errc) == sizeof(std::int32_t), "status arrays are int32");

template <class T>
using column = py::array_t<T, py::array::c_style | py::array::forcecast>;

template <class T>
column<T> ensure_column(const py::handle& a, const char* what) {
  column<T> c = column<T>::ensure(a);  // no copy when dtype and layout match
  if (!c) throw py::type_error(std::string(what) + ": cannot be read as " + py::str(py::dtype::of<T>()).cast<std::string>());
  return c;
}

/// `a` as a C-contiguous array of T: the same memory when it already is one, else numpy's copy.
template <class T>
column<T> as_column(const py::handle& a, const char* what) {
  py::array arr = py::array::ensure(a);
  if (!arr) throw py::type_error(std::string(what) + ": expected a numpy array");
  if (arr.ndim() != 1) throw py::value_error(std::string(what) + ": expected a 1-dimensional array");
  const char kind = arr.dtype().kind();
  if (kind == 'f') throw py::type_error(std::string(what) + ": a float array is not exact; use int64 minor units");
  if (kind == 'M') throw py::type_error(std::string(what) + ": a datetime64 array is not accepted here");
  return ensure_column<T>(arr, what);
}

/// A date column: int32 day numbers (days since 1970-01-01, viewed in place) or datetime64[D]
/// (int64, narrowed block by block).
struct day_column {
  column<std::int32_t> days32;
  column<std::int64_t> days64;  ///< datetime64[D] viewed as int64
  std::size_t size = 0;

  [[nodiscard]] bool narrow() const { return days64.ptr() != nullptr && days64.size() > 0; }
  /// Days [begin, begin + n) as int32 in `buffer` (or in place).
  [[nodiscard]] std::span<const std::int32_t> block(std::size_t begin, std::size_t n, std::int32_t* buffer) const {
    if (!narrow()) return {days32.data() + begin, n};
    const std::int64_t* src = days64.data() + begin;
    for (std::size_t i = 0; i < n; ++i) buffer[i] = static_cast<std::int32_t>(src[i]);
    return {buffer, n};
  }
};

day_column days_of(const py::handle& a, const char* what) {
  py::array arr = py::array::ensure(a);
  if (!arr || arr.ndim() != 1) throw py::value_error(std::string(what) + ": expected a 1-dimensional array");
  day_column out;
  out.size = static_cast<std::size_t>(arr.size());
  if (arr.dtype().kind() == 'M') {
    if (py::str(arr.dtype()).cast<std::string>() != "datetime64[D]")
      throw py::type_error(std::string(what) + ": expected datetime64[D], got " + py::str(arr.dtype()).cast<std::string>());
    py::array as_int = arr.attr("view")("int64");
    out.days64 = ensure_column<std::int64_t>(as_int, what);
    // NaT and dates outside int32 days are refused up front: the kernels count days in int32.
    const std::int64_t* d = out.days64.data();
    const auto [lo, hi] = std::minmax_element(d, d + out.size);
    if (out.size > 0 && (*lo < civil::first_date_day || *hi > civil::last_date_day))
      raise(errc::out_of_range, std::string(what) + ": a date is NaT or outside 1400-01-01..9999-12-31");
    return out;
  }
  if (arr.dtype().kind() == 'f') throw py::type_error(std::string(what) + ": days must be datetime64[D] or integers");
  out.days32 = ensure_column<std::int32_t>(arr, what);
  return out;
}

void require_size(std::size_t size, std::size_t n, const char* what) {
  if (size != n) raise(errc::invalid_argument, std::string(what) + ": " + std::to_string(size) + " rows, expected " + std::to_string(n));
}

py::array_t<std::int64_t> new_int64(std::size_t n) { return py::array_t<std::int64_t>(static_cast<py::ssize_t>(n)); }

constexpr std::size_t block_days = 16 * 1024;

// -- interest -------------------------------------------------------------------------------------

/// `out` as a writable C-contiguous int64 array of n rows, or a new one when it is None.
py::array_t<std::int64_t> output_column(const py::handle& out, std::size_t n, const char* what) {
  if (out.is_none()) return new_int64(n);
  if (!py::isinstance<py::array_t<std::int64_t>>(out)) throw py::type_error(std::string(what) + ": out must be an int64 array");
  auto a = py::reinterpret_borrow<py::array_t<std::int64_t>>(out);
  if (a.ndim() != 1 || static_cast<std::size_t>(a.size()) != n || !(a.flags() & py::array::c_style) || !a.writeable())
    throw py::value_error(std::string(what) + ": out must be a writable contiguous int64 array of " + std::to_string(n) + " rows");
  return a;
}

py::tuple accrue(const std::vector<std::shared_ptr<const accrual_table>>& table_ptrs, const py::handle& principal_a,
                 const py::handle& due_a, const py::handle& end_a, const py::handle& table_index_a, unsigned threads,
                 const py::handle& out_a, bool with_status) {
  if (table_ptrs.empty()) raise(errc::invalid_argument, "accrue_interest: no accrual table");
  const column<std::int64_t> principal = as_column<std::int64_t>(principal_a, "accrue_interest: principal");
  const std::size_t n = static_cast<std::size_t>(principal.size());
  const day_column due = days_of(due_a, "accrue_interest: due");
  const day_column end = days_of(end_a, "accrue_interest: end");
  require_size(due.size, n, "accrue_interest: due");
  require_size(end.size, n, "accrue_interest: end");
  column<std::uint16_t> table_index;
  if (!table_index_a.is_none()) {
    table_index = as_column<std::uint16_t>(table_index_a, "accrue_interest: table_index");
    require_size(static_cast<std::size_t>(table_index.size()), n, "accrue_interest: table_index");
  }
  std::vector<accrual_table> tables;
  tables.reserve(table_ptrs.size());
  for (const auto& t : table_ptrs) tables.push_back(*t);
  py::array_t<std::int64_t> interest = output_column(out_a, n, "accrue_interest");
  py::array_t<std::int32_t> status(static_cast<py::ssize_t>(with_status ? n : 0));
  std::int64_t* out = interest.mutable_data();
  auto* codes = with_status ? reinterpret_cast<errc*>(status.mutable_data()) : nullptr;  // errc is an int32 enum
  const std::size_t status_rows = with_status ? n : 0;
  const std::int64_t* p = principal.data();
  const std::uint16_t* ti = table_index_a.is_none() ? nullptr : table_index.data();
  std::size_t failed = 0;
  {
    py::gil_scoped_release release;
    if (!due.narrow() && !end.narrow()) {  // int32 days: the kernel reads the arrays in place
      const accrual_columns cols{.principal = {p, n}, .due = due.block(0, n, nullptr), .end = end.block(0, n, nullptr),
                                 .table = ti != nullptr ? std::span<const std::uint16_t>(ti, n) : std::span<const std::uint16_t>{}};
      failed = accrue_interest(tables, cols, {out, n}, {codes, status_rows}, std::max(1u, threads)).failed;
    } else {  // datetime64[D]: each thread narrows its blocks into two small buffers
      const unsigned workers = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(n / block_days + 1)));
      std::vector<std::size_t> failures(workers, 0);
      const auto work = [&](unsigned w) {
        const std::size_t begin = n * w / workers, stop = n * (w + 1) / workers;
        std::vector<std::int32_t> due_buf(block_days), end_buf(block_days);
        for (std::size_t b = begin; b < stop; b += block_days) {
          const std::size_t k = std::min(block_days, stop - b);
          const accrual_columns cols{.principal = {p + b, k}, .due = due.block(b, k, due_buf.data()),
                                     .end = end.block(b, k, end_buf.data()),
                                     .table = ti != nullptr ? std::span<const std::uint16_t>(ti + b, k) : std::span<const std::uint16_t>{}};
          failures[w] += accrue_interest(tables, cols, {out + b, k}, {with_status ? codes + b : nullptr, with_status ? k : 0}, 1).failed;
        }
      };
      std::vector<std::thread> pool;
      for (unsigned w = 1; w < workers; ++w) pool.emplace_back(work, w);
      work(0);
      for (std::thread& t : pool) t.join();
      for (const std::size_t f : failures) failed += f;
    }
  }
  return py::make_tuple(interest, with_status ? py::object(status) : py::object(py::none()), failed);
}

// -- aging ------------------------------------------------------------------------------------------

py::array_t<std::int64_t> age(const py::handle& issue_a, const py::handle& due_a, const py::handle& open_a,
                              const py::handle& group_a, std::size_t group_count, date as_of,
                              std::vector<std::int32_t> bounds, aging_basis basis, unsigned threads) {
  const aging_buckets buckets = unwrap(make_aging_buckets(std::move(bounds), basis));
  const column<std::int64_t> open = as_column<std::int64_t>(open_a, "age: open_minor");
  const std::size_t n = static_cast<std::size_t>(open.size());
  const column<std::uint32_t> group = as_column<std::uint32_t>(group_a, "age: group");
  require_size(static_cast<std::size_t>(group.size()), n, "age: group");
  const day_column issue = days_of(issue_a, "age: issue");
  const day_column due = days_of(due_a, "age: due");
  require_size(issue.size, n, "age: issue");
  require_size(due.size, n, "age: due");
  const std::size_t width = buckets.bucket_count();
  py::array_t<std::int64_t> table({static_cast<py::ssize_t>(group_count), static_cast<py::ssize_t>(width)});
  std::int64_t* out = table.mutable_data();
  const std::size_t cells = group_count * width;
  {
    py::gil_scoped_release release;
    if (!issue.narrow() && !due.narrow()) {
      age_batch({.issue_day = issue.block(0, n, nullptr), .due_day = due.block(0, n, nullptr),
                 .open_minor = {open.data(), n}, .group = {group.data(), n}},
                buckets, as_of, group_count, {out, cells}, std::max(1u, threads));
    } else {
      // Narrow in blocks large enough that summing each block's table costs little next to it.
      const std::size_t block = std::max<std::size_t>(64 * 1024, 4 * cells);
      std::vector<std::int32_t> issue_buf(std::min(block, n)), due_buf(std::min(block, n));
      std::vector<std::int64_t> part(n > block ? cells : 0);
      std::fill(out, out + cells, 0);
      for (std::size_t b = 0; b < n || b == 0; b += block) {
        const std::size_t k = std::min(block, n - b);
        const bool whole = k == n;
        age_batch({.issue_day = issue.block(b, k, issue_buf.data()), .due_day = due.block(b, k, due_buf.data()),
                   .open_minor = {open.data() + b, k}, .group = {group.data() + b, k}},
                  buckets, as_of, group_count, whole ? std::span<std::int64_t>(out, cells) : std::span<std::int64_t>(part),
                  std::max(1u, threads));
        if (!whole)
          for (std::size_t c = 0; c < cells; ++c)
            if (__builtin_add_overflow(out[c], part[c], &out[c])) raise(errc::overflow, "age: a bucket sum does not fit 64 bits");
        if (n == 0) break;
      }
    }
  }
  return table;
}

// -- dunning ----------------------------------------------------------------------------------------

/// A portfolio's columns and the engine's state per invoice, evaluated day after day.
class dunning_batch {
 public:
  dunning_batch(const dunning::policy& p, const py::handle& invoice_a, const py::handle& due_a,
                const py::handle& open_a, std::vector<currency> currencies, const py::handle& currency_index_a,
                const py::handle& traits_a)
      : policy_(std::make_shared<const dunning::compiled_policy>(dunning::compile(p))),
        currencies_(std::move(currencies)) {
    if (currencies_.empty()) raise(errc::invalid_argument, "DunningBatch: no currency");
    const column<std::int64_t> open = as_column<std::int64_t>(open_a, "DunningBatch: open_minor");
    const std::size_t n = static_cast<std::size_t>(open.size());
    invoice_day_ = int32_days(invoice_a, n, "DunningBatch: invoice_day");
    due_day_ = int32_days(due_a, n, "DunningBatch: due_day");
    currency_index_ = small_column(currency_index_a, n, "DunningBatch: currency_index");
    traits_ = small_column(traits_a, n, "DunningBatch: traits");
    for (std::size_t i = 0; i < n; ++i)
      if (currency_index_.data()[i] >= currencies_.size())
        raise(errc::invalid_argument, "DunningBatch: currency_index " + std::to_string(currency_index_.data()[i]) +
                                          " at row " + std::to_string(i) + " has no currency");
    states_.resize(n);
    const dunning::portfolio_columns cols = columns();
    for (std::size_t i = 0; i < n; ++i) {
      const dunning::invoice_facts f = dunning::facts_at(cols, i);
      states_[i] = dunning::initial_state(f, money(open.data()[i], f.currency));
    }
  }

  [[nodiscard]] std::size_t size() const noexcept { return states_.size(); }

  py::dict evaluate(date as_of, unsigned threads) {
    dunning::batch_result r;
    {
      py::gil_scoped_release release;
      r = dunning::evaluate_batch(*policy_, columns(), states_, as_of, {.threads = std::max(1u, threads), .chunk = 1u << 16});
    }
    const auto k = static_cast<py::ssize_t>(r.commands.size());
    py::array_t<std::uint32_t> row(k);
    py::array_t<std::int32_t> step(k);
    py::array_t<std::uint8_t> kind(k);
    py::array_t<std::int64_t> principal(k), fee(k), fees(k), interest(k), total(k);
    py::array_t<std::int64_t> on(k), deadline(k);
    for (py::ssize_t i = 0; i < k; ++i) {
      const dunning::batch_command& c = r.commands[static_cast<std::size_t>(i)];
      row.mutable_data()[i] = c.invoice;
      step.mutable_data()[i] = c.what.step;
      kind.mutable_data()[i] = static_cast<std::uint8_t>(c.what.kind);
      principal.mutable_data()[i] = c.what.principal.minor_units();
      fee.mutable_data()[i] = c.what.fee.minor_units();
      fees.mutable_data()[i] = c.what.fees.minor_units();
      interest.mutable_data()[i] = c.what.interest.minor_units();
      total.mutable_data()[i] = c.what.total.minor_units();
      on.mutable_data()[i] = day_number(c.what.on);
      deadline.mutable_data()[i] = c.what.deadline ? day_number(*c.what.deadline) : INT64_MIN;  // NaT
    }
    py::list problems;
    for (const dunning::batch_problem& p : r.problems)
      problems.append(py::make_tuple(p.invoice, static_cast<int>(p.why.code), p.why.message));
    py::dict out;
    out["row"] = row;
    out["kind"] = kind;
    out["step"] = step;
    out["on"] = on.attr("view")("datetime64[D]");
    out["deadline"] = deadline.attr("view")("datetime64[D]");
    out["principal"] = principal;
    out["fee"] = fee;
    out["fees"] = fees;
    out["interest"] = interest;
    out["total"] = total;
    out["problems"] = problems;
    out["evaluated"] = r.evaluated;
    return out;
  }

  [[nodiscard]] py::array_t<std::uint8_t> state() const {
    py::array_t<std::uint8_t> out(static_cast<py::ssize_t>(states_.size()));
    for (std::size_t i = 0; i < states_.size(); ++i) out.mutable_data()[i] = static_cast<std::uint8_t>(states_[i].current);
    return out;
  }
  [[nodiscard]] py::array_t<std::uint8_t> level() const {
    py::array_t<std::uint8_t> out(static_cast<py::ssize_t>(states_.size()));
    for (std::size_t i = 0; i < states_.size(); ++i) out.mutable_data()[i] = states_[i].next_step;
    return out;
  }
  [[nodiscard]] py::array_t<std::int64_t> fees() const {
    py::array_t<std::int64_t> out(static_cast<py::ssize_t>(states_.size()));
    for (std::size_t i = 0; i < states_.size(); ++i) out.mutable_data()[i] = states_[i].fees_minor;
    return out;
  }
  /// The engine's state of every invoice as bytes (this build's layout): a checkpoint between
  /// days, restored with restore().
  [[nodiscard]] py::bytes snapshot() const {
    static_assert(std::is_trivially_copyable_v<dunning::invoice_state>);
    return {reinterpret_cast<const char*>(states_.data()), states_.size() * sizeof(dunning::invoice_state)};
  }
  void restore(const py::bytes& saved) {
    const std::string_view bytes = saved;
    if (bytes.size() != states_.size() * sizeof(dunning::invoice_state))
      raise(errc::invalid_argument, "DunningBatch.restore: the snapshot is of another portfolio (" +
                                        std::to_string(bytes.size()) + " bytes, expected " +
                                        std::to_string(states_.size() * sizeof(dunning::invoice_state)) + ")");
    std::memcpy(states_.data(), bytes.data(), bytes.size());
  }
  [[nodiscard]] std::vector<std::string> step_names() const {
    std::vector<std::string> out;
    for (const auto& s : policy_->source.steps) out.push_back(s.name);
    return out;
  }

 private:
  [[nodiscard]] dunning::portfolio_columns columns() const {
    const std::size_t n = states_.size();
    return {.invoice_day = {invoice_day_.data(), n}, .due_day = {due_day_.data(), n},
            .currency_index = {currency_index_.data(), n}, .currencies = currencies_, .traits = {traits_.data(), n}};
  }
  static column<std::int32_t> int32_days(const py::handle& a, std::size_t n, const char* what) {
    const day_column d = days_of(a, what);
    require_size(d.size, n, what);
    if (!d.narrow()) return d.days32;
    column<std::int32_t> out(static_cast<py::ssize_t>(n));  // kept for every later day's run
    (void)d.block(0, n, out.mutable_data());
    return out;
  }
  static column<std::uint8_t> small_column(const py::handle& a, std::size_t n, const char* what) {
    if (a.is_none()) {
      column<std::uint8_t> zeros(static_cast<py::ssize_t>(n));
      std::fill(zeros.mutable_data(), zeros.mutable_data() + n, std::uint8_t{0});
      return zeros;
    }
    column<std::uint8_t> c = as_column<std::uint8_t>(a, what);
    require_size(static_cast<std::size_t>(c.size()), n, what);
    return c;
  }

  std::shared_ptr<const dunning::compiled_policy> policy_;
  std::vector<currency> currencies_;
  column<std::int32_t> invoice_day_, due_day_;
  column<std::uint8_t> currency_index_, traits_;
  std::vector<dunning::invoice_state> states_;
};

}  // namespace

void bind_batch(py::module_& m) {
  py::class_<accrual_table, std::shared_ptr<accrual_table>>(
      m, "AccrualTable", "A rate table compiled for the batch kernel: prefix sums over days, one per convention.")
      .def(py::init([](const rate_table& rates, const std::optional<interest_convention>& convention, date last_day) {
             return std::make_shared<accrual_table>(
                 accrual_table::compile(rates, convention ? *convention : convention_of(rates), last_day));
           }),
           py::arg("rates"), py::arg("convention") = py::none(), py::arg("last_day") = make_date(2035, 12, 31),
           "Compiles `rates` (with its own convention unless one is given) through `last_day`.")
      .def_property_readonly("first_day", [](const accrual_table& t) { return from_day_number(t.first_day()); })
      .def_property_readonly("last_day", [](const accrual_table& t) { return from_day_number(t.last_day()); });

  m.def("accrue_interest",
        [](const py::object& tables, const py::handle& principal, const py::handle& due, const py::handle& end,
           const py::handle& table_index, unsigned threads, const py::handle& out, bool status) {
          std::vector<std::shared_ptr<const accrual_table>> list;
          if (py::isinstance<accrual_table>(tables))
            list.push_back(tables.cast<std::shared_ptr<accrual_table>>());
          else
            for (const py::handle t : tables) list.push_back(t.cast<std::shared_ptr<accrual_table>>());
          return accrue(list, principal, due, end, table_index, threads, out, status);
        },
        py::arg("tables"), py::arg("principal"), py::arg("due"), py::arg("end"), py::arg("table_index") = py::none(),
        py::arg("threads") = 1, py::arg("out") = py::none(), py::arg("status") = true,
        "Late interest for every row: principal (int64 minor units) due on `due`, through `end`\n"
        "(datetime64[D] or int32 day numbers), by `tables[table_index[i]]` (one AccrualTable: all rows).\n"
        "Returns (interest int64[n], status int32[n] of errc numbers, 0 = ok; failed count). `out`: an\n"
        "int64 array to write the interest into (reused between calls: no new pages); status=False:\n"
        "no status column (None), only the failed count.");
  m.def("age", &age, py::arg("issue"), py::arg("due"), py::arg("open_minor"), py::arg("group"),
        py::arg("group_count"), py::arg("as_of"), py::arg("bounds") = std::vector<std::int32_t>{0, 30, 60, 90},
        py::arg("basis") = aging_basis::due_date, py::arg("threads") = 1,
        "Open amounts (int64 minor units) summed per group (uint32 < group_count) and age bucket as of\n"
        "`as_of`: an int64 array [group_count, len(bounds) + 1]. Identical for any thread count.");

  py::class_<dunning_batch>(m, "DunningBatch",
                            "A portfolio as columns with the dunning engine's state per invoice, under one policy.\n"
                            "evaluate(as_of) moves every invoice to `as_of` and returns the commands as arrays.")
      .def(py::init<const dunning::policy&, const py::handle&, const py::handle&, const py::handle&,
                    std::vector<currency>, const py::handle&, const py::handle&>(),
           py::arg("policy"), py::arg("invoice_day"), py::arg("due_day"), py::arg("open_minor"),
           py::arg("currencies"), py::arg("currency_index") = py::none(), py::arg("traits") = py::none(),
           "Columns: invoice and due dates (datetime64[D] or int32 days), open principal (int64 minor\n"
           "units), currency_index (uint8 into `currencies`; None: all the first), traits (uint8 bits:\n"
           "1 = consumer, 2 = reminder fee agreed; None: 0).")
      .def("__len__", &dunning_batch::size)
      .def("evaluate", &dunning_batch::evaluate, py::arg("as_of"), py::arg("threads") = 1,
           "Advances every invoice to `as_of` (GIL released); returns a dict of arrays: row, kind\n"
           "(CommandKind index), step, on, deadline, principal, fee, fees, interest, total; plus\n"
           "problems [(row, code, message)] and evaluated (rows with something due).")
      .def_property_readonly("state", &dunning_batch::state, "State index per invoice (uint8; list(State)[i]).")
      .def_property_readonly("level", &dunning_batch::level, "Policy steps done per invoice.")
      .def_property_readonly("fees_minor", &dunning_batch::fees, "Fees charged and unpaid per invoice.")
      .def_property_readonly("step_names", &dunning_batch::step_names)
      .def("snapshot", &dunning_batch::snapshot,
           "Every invoice's engine state as bytes (this build's layout): a checkpoint between days.")
      .def("restore", &dunning_batch::restore, py::arg("snapshot"),
           "Puts back the states of snapshot() (of this portfolio).");
}

}  // namespace kreditor::python
