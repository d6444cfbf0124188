//! Conditions over answers and derived values, and the values they test.
//!
//! A condition names values by id (`q`); questions and derived values share that name space.
//! A test on a value that is unknown (not answered, or not computable) is false, so that advice
//! never rests on something the family did not say.

use std::collections::BTreeMap;
use std::fmt;

use jiff::civil::Date;
use serde::Serialize;

/// One answer, or one derived value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Value {
    Bool(bool),
    Text(String),
    List(Vec<String>),
    Number(f64),
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    Date(Date),
    /// The parent chose to skip an optional question: asked, but unknown.
    Skipped,
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Bool(true) => f.write_str("ja"),
            Value::Bool(false) => f.write_str("nee"),
            Value::Text(s) => f.write_str(s),
            Value::List(v) if v.is_empty() => f.write_str("(geen)"),
            Value::List(v) => f.write_str(&v.join(", ")),
            Value::Number(n) => write!(f, "{n}"),
            Value::Date(d) => write!(f, "{d}"),
            Value::Skipped => f.write_str("(overgeslagen)"),
        }
    }
}

/// The known values of one situation: answers plus derived values.
pub type Values = BTreeMap<String, Value>;

/// A scalar that `is` compares with: yes/no or a choice value.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[serde(untagged)]
pub enum Scalar {
    Bool(bool),
    Text(String),
}

/// The test applied to one value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Test {
    Is(Scalar),
    In(Vec<String>),
    Has(String),
    HasAny(Vec<String>),
    AtLeast(f64),
    MoreThan(f64),
    AtMost(f64),
    LessThan(f64),
    Answered(bool),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Condition {
    /// `slot` is the position of `q` among all values (questions, then derived values), set by
    /// the loader so that the engine can test without looking ids up; `usize::MAX` until then.
    Test {
        q: String,
        #[serde(skip)]
        slot: usize,
        test: Test,
    },
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

impl Condition {
    /// Whether the condition holds for these values. "Why" lists every value a rule names
    /// (see [`Condition::names`]), so evaluation itself records nothing and allocates nothing.
    pub fn eval(&self, values: &Values) -> bool {
        match self {
            Condition::Test { q, test, .. } => test.eval(values.get(q)),
            Condition::All(list) => list.iter().all(|c| c.eval(values)),
            Condition::Any(list) => list.iter().any(|c| c.eval(values)),
            Condition::Not(c) => !c.eval(values),
        }
    }

    /// As [`Condition::eval`], with the values by slot (see [`crate::model::Knowledge::slots`]):
    /// the engine's fast path, with no id lookups.
    pub fn eval_slots(&self, slots: &[Option<Value>]) -> bool {
        match self {
            Condition::Test { slot, test, .. } => {
                test.eval(slots.get(*slot).and_then(Option::as_ref))
            }
            Condition::All(list) => list.iter().all(|c| c.eval_slots(slots)),
            Condition::Any(list) => list.iter().any(|c| c.eval_slots(slots)),
            Condition::Not(c) => !c.eval_slots(slots),
        }
    }

    /// Sets the slot of every test from the id.
    pub(crate) fn resolve(&mut self, slot_of: &dyn Fn(&str) -> Option<usize>) {
        match self {
            Condition::Test { q, slot, .. } => *slot = slot_of(q).unwrap_or(usize::MAX),
            Condition::All(list) | Condition::Any(list) => {
                list.iter_mut().for_each(|c| c.resolve(slot_of))
            }
            Condition::Not(c) => c.resolve(slot_of),
        }
    }

    /// Every value id this condition names, in order of appearance.
    pub fn names(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_names(&mut out);
        out
    }

    fn collect_names<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Condition::Test { q, .. } => {
                if !out.contains(&q.as_str()) {
                    out.push(q);
                }
            }
            Condition::All(list) | Condition::Any(list) => {
                list.iter().for_each(|c| c.collect_names(out))
            }
            Condition::Not(c) => c.collect_names(out),
        }
    }

    /// Every value this condition names, once, with its slot.
    pub fn named_slots(&self) -> Vec<(&str, usize)> {
        let mut out: Vec<(&str, usize)> = Vec::new();
        for (q, slot) in self.tests_with_slots() {
            if !out.iter().any(|(n, _)| *n == q) {
                out.push((q, slot));
            }
        }
        out
    }

    fn tests_with_slots(&self) -> Vec<(&str, usize)> {
        match self {
            Condition::Test { q, slot, .. } => vec![(q.as_str(), *slot)],
            Condition::All(list) | Condition::Any(list) => {
                list.iter().flat_map(|c| c.tests_with_slots()).collect()
            }
            Condition::Not(c) => c.tests_with_slots(),
        }
    }

    /// Every test in the condition, with the id it applies to.
    pub fn tests(&self) -> Vec<(&str, &Test)> {
        let mut out = Vec::new();
        self.collect_tests(&mut out);
        out
    }

    fn collect_tests<'a>(&'a self, out: &mut Vec<(&'a str, &'a Test)>) {
        match self {
            Condition::Test { q, test, .. } => out.push((q, test)),
            Condition::All(list) | Condition::Any(list) => {
                list.iter().for_each(|c| c.collect_tests(out))
            }
            Condition::Not(c) => c.collect_tests(out),
        }
    }
}

impl Test {
    fn eval(&self, value: Option<&Value>) -> bool {
        let value = match value {
            None | Some(Value::Skipped) => {
                return matches!(self, Test::Answered(false));
            }
            Some(v) => v,
        };
        match (self, value) {
            (Test::Answered(a), _) => *a,
            (Test::Is(Scalar::Bool(b)), Value::Bool(v)) => b == v,
            (Test::Is(Scalar::Text(s)), Value::Text(v)) => s == v,
            (Test::In(set), Value::Text(v)) => set.contains(v),
            (Test::Has(s), Value::List(v)) => v.contains(s),
            (Test::HasAny(set), Value::List(v)) => set.iter().any(|s| v.contains(s)),
            (Test::AtLeast(n), Value::Number(v)) => v >= n,
            (Test::MoreThan(n), Value::Number(v)) => v > n,
            (Test::AtMost(n), Value::Number(v)) => v <= n,
            (Test::LessThan(n), Value::Number(v)) => v < n,
            // A type mismatch cannot pass the checker; treat it as "does not hold".
            _ => false,
        }
    }

    /// The operator's name as written in content.
    pub fn name(&self) -> &'static str {
        match self {
            Test::Is(_) => "is",
            Test::In(_) => "in",
            Test::Has(_) => "has",
            Test::HasAny(_) => "has-any",
            Test::AtLeast(_) => "at-least",
            Test::MoreThan(_) => "more-than",
            Test::AtMost(_) => "at-most",
            Test::LessThan(_) => "less-than",
            Test::Answered(_) => "answered",
        }
    }

    /// A number this test compares with, if any.
    pub fn threshold(&self) -> Option<f64> {
        match self {
            Test::AtLeast(n) | Test::MoreThan(n) | Test::AtMost(n) | Test::LessThan(n) => Some(*n),
            _ => None,
        }
    }
}

/// A condition as written in TOML: a table with exactly one test or combinator.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawCondition {
    q: Option<String>,
    is: Option<Scalar>,
    #[serde(rename = "in")]
    in_: Option<Vec<String>>,
    has: Option<String>,
    has_any: Option<Vec<String>>,
    at_least: Option<f64>,
    more_than: Option<f64>,
    at_most: Option<f64>,
    less_than: Option<f64>,
    answered: Option<bool>,
    all: Option<Vec<RawCondition>>,
    any: Option<Vec<RawCondition>>,
    not: Option<Box<RawCondition>>,
}

impl RawCondition {
    /// Turns the written form into a condition, or says what is wrong with it.
    pub(crate) fn build(self) -> Result<Condition, String> {
        let mut tests = Vec::new();
        if let Some(v) = self.is {
            tests.push(Test::Is(v));
        }
        if let Some(v) = self.in_ {
            tests.push(Test::In(v));
        }
        if let Some(v) = self.has {
            tests.push(Test::Has(v));
        }
        if let Some(v) = self.has_any {
            tests.push(Test::HasAny(v));
        }
        if let Some(v) = self.at_least {
            tests.push(Test::AtLeast(v));
        }
        if let Some(v) = self.more_than {
            tests.push(Test::MoreThan(v));
        }
        if let Some(v) = self.at_most {
            tests.push(Test::AtMost(v));
        }
        if let Some(v) = self.less_than {
            tests.push(Test::LessThan(v));
        }
        if let Some(v) = self.answered {
            tests.push(Test::Answered(v));
        }
        let combinators =
            self.all.is_some() as usize + self.any.is_some() as usize + self.not.is_some() as usize;

        match self.q {
            Some(q) => {
                if combinators > 0 {
                    return Err(format!(
                        "condition on '{q}' mixes a test with all/any/not; put them in separate tables"
                    ));
                }
                match tests.len() {
                    1 => Ok(Condition::Test {
                        q,
                        slot: usize::MAX,
                        test: tests.pop().unwrap(),
                    }),
                    0 => Err(format!(
                        "condition on '{q}' has no test; use one of is, in, has, has-any, at-least, more-than, at-most, less-than, answered"
                    )),
                    _ => Err(format!(
                        "condition on '{q}' has {} tests; write one test per table and combine them with all = [...]",
                        tests.len()
                    )),
                }
            }
            None => {
                if !tests.is_empty() {
                    return Err(format!(
                        "condition uses '{}' without q = \"question-id\"",
                        tests[0].name()
                    ));
                }
                if combinators != 1 {
                    return Err(
                        "a condition needs exactly one of q = ..., all = [...], any = [...], not = {...}"
                            .to_string(),
                    );
                }
                if let Some(list) = self.all {
                    Ok(Condition::All(build_list(list)?))
                } else if let Some(list) = self.any {
                    Ok(Condition::Any(build_list(list)?))
                } else {
                    Ok(Condition::Not(Box::new(self.not.unwrap().build()?)))
                }
            }
        }
    }
}

fn build_list(list: Vec<RawCondition>) -> Result<Vec<Condition>, String> {
    list.into_iter().map(RawCondition::build).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> Values {
        let mut v = Values::new();
        v.insert("a".into(), Value::Bool(true));
        v.insert("n".into(), Value::Number(6.0));
        v.insert("m".into(), Value::List(vec!["x".into()]));
        v.insert("s".into(), Value::Skipped);
        v
    }

    fn test(q: &str, test: Test) -> Condition {
        Condition::Test {
            q: q.into(),
            slot: usize::MAX,
            test,
        }
    }

    #[test]
    fn unknown_values_fail_every_test_but_answered_false() {
        let v = values();
        assert!(!test("missing", Test::Is(Scalar::Bool(false))).eval(&v));
        assert!(!test("s", Test::AtLeast(0.0)).eval(&v));
        assert!(test("s", Test::Answered(false)).eval(&v));
        assert!(Condition::Not(Box::new(test("missing", Test::Is(Scalar::Bool(true))))).eval(&v));
    }

    #[test]
    fn combinators_combine_and_names_lists_every_value_once() {
        let v = values();
        let c = Condition::Any(vec![
            test("a", Test::Is(Scalar::Bool(true))),
            test("n", Test::MoreThan(4.0)),
            test("m", Test::Has("y".into())),
        ]);
        assert!(c.eval(&v));
        let both = Condition::All(vec![c, test("m", Test::Has("y".into()))]);
        assert!(!both.eval(&v));
        assert_eq!(both.names(), vec!["a", "n", "m"]);
    }

    #[test]
    fn written_conditions_need_exactly_one_test() {
        let parse = |s: &str| -> Result<Condition, String> {
            let raw: RawCondition = toml::from_str(s).map_err(|e| e.to_string())?;
            raw.build()
        };
        assert!(parse("q = 'a'\nis = true").is_ok());
        assert!(parse("q = 'a'").unwrap_err().contains("has no test"));
        assert!(
            parse("q = 'a'\nis = true\nat-least = 3")
                .unwrap_err()
                .contains("2 tests")
        );
        assert!(parse("is = true").unwrap_err().contains("without q"));
        assert!(
            parse("all = []\nany = []")
                .unwrap_err()
                .contains("exactly one")
        );
    }
}
