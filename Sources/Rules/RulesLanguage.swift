/// The Lendline rules language: one expression language for policy conditions, derived values,
/// decision-table cells, fee formulas, workflow guards and template bindings.
///
/// **Values and types.** `bool`, `integer` (64-bit), `decimal` (exact, up to 18 places), `money`
/// (rupees, exact), `rate` (a percentage), `date`, `string`, `list<T>` (or `list of T`), records
/// (declared types with named fields) and enums (`enum(salaried, self_employed)`). No floating
/// point anywhere: `0.1 + 0.2 == 0.3`.
///
/// **Literals.** `42`, `1_000`, `0.105`; percentages `55%`, `10.25%` (rates); amounts `₹50000`,
/// `₹5_00_000`, `₹1234.50` (at most two decimal places; commas are not accepted because they
/// separate arguments — use `_`, or `rupees(50000)`); dates `2026-01-31` (written without spaces:
/// `2026 - 01 - 31` is subtraction); strings `"salaried"` or `'salaried'`; `true`, `false`;
/// lists `[1, 2, 3]`. An enum value is written as a string and checked at compile time.
///
/// **Operators**, loosest first: `or`; `and`; `not`; comparisons `== != < <= > >=`,
/// `x in [a, b]`, `x in 21..60` (both ends included), `x in 0%..<40%` (end excluded),
/// `x not in …`, `x between 21 and 60`, `x not between …` (comparisons do not chain); `+ -`;
/// `* /`; unary `-`; field access `applicant.age`. Keywords are case-insensitive.
///
/// **Arithmetic.** Integers stay integers under `+ - *`; `/` always gives a decimal (`7 / 2` is
/// 3.5). Amounts add to amounts; an amount times or divided by a number or rate is an amount; an
/// amount divided by an amount is a decimal (FOIR). Rates add to rates; a rate times a number is a
/// rate; a rate compares with a number by its fraction (`0.55 == 55%`). Division is exact when it
/// terminates within 18 places, else rounded half-even at the 18th.
///
/// **Money rounding rule.** An amount is exact inside an evaluation: `₹1,23,457 × 2%` is
/// ₹2,469.14 and `₹100 / 3` keeps its fractions of a paisa. Nothing rounds implicitly. A money
/// *output* (a table output or a derived value marked as output) must be whole paise, and the
/// compiler proves it: a product or quotient of an amount that is not wrapped in `round()` is a
/// compile error ("may have fractions of a paisa").
///
/// **Functions.** `if(c, a, b)` (lazy); `min(a, b, …)`, `max(…)`; `clamp(x, lo, hi)`; `abs(x)`;
/// `round(x, unit, mode)` with unit `paise`, `rupee`, `₹10` for amounts, `0.05%` for rates,
/// `0.01` or `10` for numbers, and mode `half_up`, `half_even`, `up`, `down`; `add_months(d, n)`
/// (31 Jan + 1 month = 28/29 Feb), `add_days(d, n)`, `months_between(a, b)` (whole months: the
/// largest n with `add_months(a, n) <= b`), `years_between(a, b)` (an age), `days_between(a, b)`;
/// `rupees(n)`, `percent(n)`; over lists `count(l)`, `count(l, cond)`, `sum(l)`, `sum(l, expr)`,
/// `any(l, cond)`, `all(l, cond)`, `min(l, expr)`, `max(l, expr)` — inside `cond`/`expr` the
/// item's fields are in scope by name and the item itself is `it`.
///
/// **Decision tables.** Input columns are expressions; each input cell is a test of the column's
/// value: `-` (any), `< 700`, `>= 40%`, `700..749`, `0%..<30%`, `between 21 and 60`,
/// `in ["a", "b"]`, `not in [...]`, or a plain value (equality). Hit policies: `unique` (two
/// matching rows are an error naming both), `first`, `priority` (ranked by the first output's
/// enum order), `collect` (a list), `collect sum|min|max`. Overlapping rows of a unique table,
/// rows a first table can never reach, empty ranges and outputs without a default where some
/// input matches no row are compile errors when the cells are constants.
///
/// **Stages.** Text → tokens → syntax (Pratt parser, source ranges) → typed expression (names
/// resolved to slots, operators chosen by type, constants folded) → closures. Evaluation reads
/// slots; it never parses, looks up a name or hashes a string.
///
/// **Limits** (`CompileLimits`): expression length, syntax nodes and nesting depth per
/// expression, rows per table, declarations per policy, items per list input. No loops and no
/// recursion: derived values that depend on themselves are a compile error.
public enum RulesLanguage {
    /// Every function name, for editors and documentation.
    public static var functionNames: [String] { TypeChecker.functionNames.sorted() }
}
