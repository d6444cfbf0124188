//! `routewijzer check` on broken content: every kind of content error is reported as
//! `file:line: message` and makes the command exit non-zero.

use std::path::{Path, PathBuf};
use std::process::Command;

const SOURCES: &str = r#"[[source]]
id = "wet"
title = "Een wet"
kind = "law"
url = "https://wetten.overheid.nl/"
confidence = "V"
checked = 2026-11-29
"#;

const ROUTE: &str = r#"[[organisation]]
id = "school"
name = "School"
gloss-en = "the school"
short = "De school."
short-en = "The school."
does = "Geeft les."
does-en = "Teaches."
can-enforce = false
enforce = "Niets."
enforce-en = "Nothing."
sources = ["wet"]

[[step]]
id = "praten"
title = "Praat met school"
title-en = "Talk to the school"
track = "main"
level = 1
who = ["school"]
summary = "Praat."
summary-en = "Talk."
default-status = "later"
sources = ["wet"]

[[step]]
id = "hulp"
title = "Vraag hulp"
title-en = "Ask for help"
track = "side"
summary = "Hulp."
summary-en = "Help."
default-status = "later"
fallback = true
sources = ["wet"]
"#;

const INTAKE: &str = r#"[[question]]
id = "gepraat"
type = "yesno"
text = "Hebt u met school gepraat?"
text-en = "Have you talked to the school?"

[[question]]
id = "soort"
type = "choice"
text = "Welke school?"
text-en = "Which school?"
options = [ { value = "po", label = "Basisschool", label-en = "Primary school" }, { value = "vo", label = "Middelbaar", label-en = "Secondary school" } ]
"#;

const RULES: &str = r#"[[rule]]
id = "eerst-praten"
when = { q = "gepraat", is = false }
because = "U hebt nog niet gepraat."
because-en = "You have not talked yet."
current = "praten"
sources = ["wet"]

[[rule]]
id = "daarna-hulp"
when = { q = "gepraat", is = true }
because = "Praten hielp niet."
because-en = "Talking did not help."
current = "hulp"
sources = ["wet"]
"#;

/// A folder of content that is valid until a test breaks one file.
struct Content {
    dir: PathBuf,
}

impl Content {
    fn new(name: &str) -> Content {
        let dir =
            std::env::temp_dir().join(format!("routewijzer-check-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("rules")).unwrap();
        let c = Content { dir };
        c.write("sources.toml", SOURCES);
        c.write("route.toml", ROUTE);
        c.write("questions.toml", INTAKE);
        c.write("rules/basis.toml", RULES);
        c
    }

    fn write(&self, file: &str, text: &str) {
        let path = self.dir.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// Runs `check` and returns (success, stderr).
    fn check(&self) -> (bool, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_routewijzer"))
            .args(["check", "--content"])
            .arg(&self.dir)
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    /// Asserts that check fails with `file:line: <message containing needle>`.
    fn assert_error(&self, file: &str, line: usize, needle: &str) {
        let (ok, stderr) = self.check();
        assert!(!ok, "check passed, expected an error about {needle}");
        let prefix = format!("{}:{line}: ", Path::new(&self.dir).join(file).display());
        assert!(
            stderr
                .lines()
                .any(|l| l.starts_with(&prefix) && l.contains(needle)),
            "expected a line starting with '{prefix}' containing '{needle}', got:\n{stderr}"
        );
    }
}

impl Drop for Content {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[test]
fn valid_content_passes() {
    let c = Content::new("valid");
    let (ok, stderr) = c.check();
    assert!(ok, "{stderr}");
}

#[test]
fn toml_syntax_error_names_the_line() {
    let c = Content::new("syntax");
    c.write(
        "rules/basis.toml",
        &RULES.replace(
            "because = \"Praten hielp niet.\"",
            "because = \"Praten hielp niet.",
        ),
    );
    c.assert_error("rules/basis.toml", 12, "");
}

#[test]
fn unknown_key_is_refused() {
    let c = Content::new("key");
    c.write(
        "questions.toml",
        &INTAKE.replace(
            "text = \"Welke school?\"",
            "text = \"Welke school?\"\nhnt = \"typo\"",
        ),
    );
    c.assert_error("questions.toml", 11, "unknown field `hnt`");
}

#[test]
fn unknown_reference_is_refused() {
    let c = Content::new("reference");
    c.write(
        "rules/basis.toml",
        &RULES.replace(
            "current = \"hulp\"",
            "current = \"hulp\"\nwarnings = [\"bestaat-niet\"]",
        ),
    );
    c.assert_error("rules/basis.toml", 9, "unknown warning 'bestaat-niet'");
}

#[test]
fn condition_that_does_not_fit_the_question_type_is_refused() {
    let c = Content::new("type");
    c.write(
        "rules/basis.toml",
        &RULES.replace(
            "when = { q = \"gepraat\", is = true }",
            "when = { q = \"gepraat\", at-least = 3 }",
        ),
    );
    c.assert_error("rules/basis.toml", 9, "'at-least' does not fit 'gepraat'");
}

#[test]
fn value_that_is_not_an_option_is_refused() {
    let c = Content::new("option");
    c.write("rules/extra.toml", "[[rule]]\nid = \"mbo\"\nwhen = { q = \"soort\", is = \"mbo\" }\nbecause = \"x\"\nnext = [\"hulp\"]\nsources = [\"wet\"]\n");
    c.assert_error("rules/extra.toml", 1, "'mbo' is not an option of 'soort'");
}

#[test]
fn rule_without_source_is_refused() {
    let c = Content::new("nosource");
    c.write(
        "rules/basis.toml",
        &RULES.replacen("sources = [\"wet\"]\n", "", 1),
    );
    c.assert_error("rules/basis.toml", 1, "cites no source");
}

#[test]
fn duplicate_id_is_refused() {
    let c = Content::new("duplicate");
    c.write(
        "rules/basis.toml",
        &RULES.replace("id = \"daarna-hulp\"", "id = \"eerst-praten\""),
    );
    c.assert_error(
        "rules/basis.toml",
        9,
        "rule id 'eerst-praten' is already used",
    );
}

#[test]
fn unreachable_question_is_refused() {
    let c = Content::new("unreachable");
    c.write(
        "questions.toml",
        &INTAKE.replace(
            "text = \"Welke school?\"",
            "text = \"Welke school?\"\nask-if = { all = [ { q = \"gepraat\", is = true }, { q = \"gepraat\", is = false } ] }",
        ),
    );
    c.assert_error("questions.toml", 7, "question 'soort' is never asked");
}

#[test]
fn ask_if_on_a_later_question_is_refused() {
    let c = Content::new("order");
    c.write(
        "questions.toml",
        &INTAKE.replace(
            "text = \"Hebt u met school gepraat?\"",
            "text = \"Hebt u met school gepraat?\"\nask-if = { q = \"soort\", is = \"po\" }",
        ),
    );
    c.assert_error("questions.toml", 1, "not asked before it");
}

#[test]
fn two_unordered_current_rules_are_refused() {
    let c = Content::new("conflict");
    c.write("rules/extra.toml", "[[rule]]\nid = \"po-hulp\"\nwhen = { q = \"soort\", is = \"po\" }\nbecause = \"x\"\ncurrent = \"hulp\"\nsources = [\"wet\"]\n");
    c.assert_error(
        "rules/basis.toml",
        1,
        "can hold together and both set a current step",
    );
}

#[test]
fn dead_end_is_refused() {
    let c = Content::new("deadend");
    c.write(
        "rules/basis.toml",
        &RULES.replace(
            "when = { q = \"gepraat\", is = true }",
            "when = { q = \"soort\", is = \"vo\" }",
        ),
    );
    c.assert_error("questions.toml", 1, "dead end");
}

#[test]
fn broken_article_link_is_refused() {
    let c = Content::new("article");
    c.write("articles/uitleg.md", "+++\nid = \"uitleg\"\ntitle = \"Uitleg\"\nsummary = \"Kort.\"\nsources = [\"wet\"]\n+++\nLees ook [dit](artikel:weg).\n");
    c.assert_error("articles/uitleg.md", 2, "links to unknown article 'weg'");
}

#[test]
fn bad_holiday_table_is_refused() {
    let c = Content::new("holiday");
    c.write(
        "holidays/2027-2028.toml",
        "school-year = \"2027-2028\"\nsources = [\"wet\"]\nconfidence = \"V\"\n\n[[holiday]]\nkind = \"zomer\"\nregions = [\"midden\"]\nstart = 2028-08-20\nend = 2028-07-08\nbinding = true\n",
    );
    let (ok, stderr) = c.check();
    assert!(!ok);
    let prefix = format!("{}:", c.dir.join("holidays/2027-2028.toml").display());
    assert!(stderr.lines().any(|l| l.starts_with(&prefix)), "{stderr}");
}

/// The situation-file documentation lists every question of the real content, so the contract
/// cannot drift from the content.
const UNDERSTANDING: &str = r#"[negation]
words = ["niet"]

[[pattern]]
id = "gepraat"
question = "gepraat"
value = "ja"
regex = '\bmet school gepraat\b'
"#;

#[test]
fn valid_understanding_passes() {
    let c = Content::new("understanding-valid");
    c.write("understanding.toml", UNDERSTANDING);
    let (ok, stderr) = c.check();
    assert!(ok, "{stderr}");
}

#[test]
fn understanding_pattern_for_an_unknown_question_is_refused() {
    let c = Content::new("understanding-question");
    c.write(
        "understanding.toml",
        &UNDERSTANDING.replace("question = \"gepraat\"", "question = \"gesprek\""),
    );
    c.assert_error("understanding.toml", 4, "there is no question 'gesprek'");
}

#[test]
fn understanding_value_the_question_does_not_take_is_refused() {
    let c = Content::new("understanding-value");
    c.write(
        "understanding.toml",
        &UNDERSTANDING.replace("value = \"ja\"", "value = \"misschien\""),
    );
    c.assert_error("understanding.toml", 4, "the value is \"ja\" or \"nee\"");
}

#[test]
fn understanding_regex_that_does_not_compile_is_refused() {
    let c = Content::new("understanding-regex");
    c.write(
        "understanding.toml",
        &UNDERSTANDING.replace("gepraat\\b'", "(gepraat\\b'"),
    );
    c.assert_error("understanding.toml", 8, "the regex does not compile");
}

#[test]
fn situation_format_doc_lists_every_question() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = Command::new(env!("CARGO_BIN_EXE_routewijzer"))
        .args(["questions", "--format", "json", "--content"])
        .arg(root.join("content"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let questions: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let doc = std::fs::read_to_string(root.join("docs/situation-format.md")).unwrap();
    assert!(questions.len() > 10);
    for q in &questions {
        let id = q["id"].as_str().unwrap();
        assert!(
            doc.contains(&format!("| `{id}` |")),
            "docs/situation-format.md does not list question '{id}'"
        );
    }
}

const LETTERS: &str = r#"[[letter]]
id = "gesprek"
title = "Verzoek om een gesprek"
title-en = "Asking for a talk"
when = "Als u wilt praten."
when-en = "When you want to talk."
says-en = "The letter asks the school for a talk."
sources = ["wet"]
"#;

const LETTER_TEXT: &str = r#"+++
id = "gesprek"
subject = "Gesprek over {{naam-kind}}"
fields = [
  { id = "afzender", label = "Uw naam en adres", label-en = "Your name and address", kind = "multiline" },
  { id = "geadresseerde", label = "Adres van de school", label-en = "The school's address", kind = "multiline" },
  { id = "plaats", label = "Plaats", label-en = "Place", kind = "text" },
  { id = "datum", label = "Datum", label-en = "Date", kind = "date" },
  { id = "naam-kind", label = "Naam van uw kind", label-en = "Your child's name", kind = "text" },
  { id = "gepraat-op", label = "Wanneer", label-en = "When", from = "gepraat", kind = "text" },
]
+++
Geachte heer, mevrouw,

Ik wil praten over {{naam-kind}}, net als op {{gepraat-op}}.

Met vriendelijke groet,

{{ondertekening}}

Sam
"#;

fn with_letter(name: &str, text: &str) -> Content {
    let c = Content::new(name);
    c.write("letters.toml", LETTERS);
    c.write("letters/gesprek.md", text);
    c
}

#[test]
fn valid_letter_template_passes() {
    let c = with_letter("letter-valid", LETTER_TEXT);
    let (ok, stderr) = c.check();
    assert!(ok, "{stderr}");
}

#[test]
fn letter_template_for_an_unknown_letter_is_refused() {
    let c = with_letter(
        "letter-id",
        &LETTER_TEXT.replace("id = \"gesprek\"", "id = \"gesprekk\""),
    );
    std::fs::rename(
        c.dir.join("letters/gesprek.md"),
        c.dir.join("letters/gesprekk.md"),
    )
    .unwrap();
    c.assert_error("letters/gesprekk.md", 2, "has no [[letter]] with that id");
}

#[test]
fn unknown_placeholder_in_a_letter_is_refused() {
    let c = with_letter(
        "letter-placeholder",
        &LETTER_TEXT.replace("Ik wil praten", "{{naam-ouder}} wil praten"),
    );
    c.assert_error(
        "letters/gesprek.md",
        15,
        "unknown placeholder {{naam-ouder}}",
    );
}

#[test]
fn letter_field_from_an_unknown_question_is_refused() {
    let c = with_letter(
        "letter-from",
        &LETTER_TEXT.replace("from = \"gepraat\"", "from = \"gepraatt\""),
    );
    c.assert_error(
        "letters/gesprek.md",
        2,
        "from = 'gepraatt', which is not a question or derived value",
    );
}

#[test]
fn letter_without_signature_mark_is_refused() {
    let c = with_letter(
        "letter-signature",
        &LETTER_TEXT.replace("{{ondertekening}}\n\n", ""),
    );
    // The text ends on line 19 ("Sam"), where the mark belongs above.
    c.assert_error(
        "letters/gesprek.md",
        19,
        "needs a line of only {{ondertekening}}",
    );
}

#[test]
fn letter_signature_mark_inside_a_line_is_refused() {
    let c = with_letter(
        "letter-signature-inline",
        &LETTER_TEXT.replace("Met vriendelijke groet,", "Groet, {{ondertekening}}"),
    );
    c.assert_error(
        "letters/gesprek.md",
        17,
        "{{ondertekening}} goes once, on a line of its own",
    );
}

#[test]
fn letter_case_source_must_be_known() {
    let c = with_letter(
        "letter-case",
        &LETTER_TEXT.replace(
            "label = \"Naam van uw kind\",",
            "label = \"Naam van uw kind\", case = \"kind.leeftijd\",",
        ),
    );
    c.assert_error("letters/gesprek.md", 2, "case = 'kind.leeftijd' is unknown");
}

#[test]
fn letter_without_front_matter_is_refused() {
    let c = with_letter("letter-front", "Geachte heer, mevrouw,\n");
    c.assert_error("letters/gesprek.md", 1, "starts with a line '+++'");
}

#[test]
fn letter_without_a_standard_field_is_refused() {
    let c = with_letter(
        "letter-required",
        &LETTER_TEXT.replace(
            "  { id = \"plaats\", label = \"Plaats\", label-en = \"Place\", kind = \"text\" },\n",
            "",
        ),
    );
    c.assert_error(
        "letters/gesprek.md",
        2,
        "every letter needs the field 'plaats'",
    );
}

/// The praten step with `outcomes = [...]` on line 23 of route.toml.
fn with_outcomes(name: &str, outcomes: &str) -> Content {
    let c = Content::new(name);
    c.write(
        "route.toml",
        &ROUTE.replace(
            "summary-en = \"Talk.\"",
            &format!("summary-en = \"Talk.\"\noutcomes = [ {outcomes} ]"),
        ),
    );
    c
}

#[test]
fn valid_step_outcomes_pass() {
    let c = with_outcomes(
        "outcome-ok",
        r#"{ id = "gepraat", label = "Gepraat", label-en = "Talked", sets = { gepraat = true, soort = "po" } }"#,
    );
    let (ok, stderr) = c.check();
    assert!(ok, "{stderr}");
}

#[test]
fn step_outcome_with_a_duplicate_id_is_refused() {
    let c = with_outcomes(
        "outcome-dup",
        r#"{ id = "x", label = "A", sets = { gepraat = true } }, { id = "x", label = "B", sets = { gepraat = false } }"#,
    );
    c.assert_error("route.toml", 23, "outcome 'x': the id is used twice");
}

#[test]
fn step_outcome_without_a_label_is_refused() {
    let c = with_outcomes(
        "outcome-label",
        r#"{ id = "x", label = " ", sets = { gepraat = true } }"#,
    );
    c.assert_error("route.toml", 23, "outcome 'x': the label is empty");
}

#[test]
fn step_outcome_that_sets_nothing_is_refused() {
    let c = with_outcomes("outcome-empty", r#"{ id = "x", label = "A" }"#);
    c.assert_error("route.toml", 23, "outcome 'x': sets no answer");
}

#[test]
fn step_outcome_that_sets_an_unknown_question_is_refused() {
    let c = with_outcomes(
        "outcome-question",
        r#"{ id = "x", label = "A", sets = { bestaat-niet = true } }"#,
    );
    c.assert_error(
        "route.toml",
        23,
        "sets 'bestaat-niet', which is not a question",
    );
}

#[test]
fn step_outcome_value_that_does_not_fit_is_refused() {
    let c = with_outcomes(
        "outcome-value",
        r#"{ id = "x", label = "A", sets = { soort = "mbo" } }"#,
    );
    c.assert_error("route.toml", 23, "the value for 'soort' does not fit");
}

#[test]
fn step_outcome_date_that_is_not_a_date_question_is_refused() {
    let c = with_outcomes(
        "outcome-date",
        r#"{ id = "x", label = "A", date = "soort" }"#,
    );
    c.assert_error("route.toml", 23, "date = 'soort' is not a date question");
    let c = with_outcomes(
        "outcome-date-unknown",
        r#"{ id = "x", label = "A", date = "wanneer" }"#,
    );
    c.assert_error("route.toml", 23, "date = 'wanneer' is not a question");
}

#[test]
fn letter_follow_up_must_name_a_term_and_only_its_start() {
    const TERM: &str = "[[term]]\nid = \"reactie\"\ntitle = \"Reactie\"\nlength = 2\nunit = \"weeks\"\nstart-event = \"de dag waarop het advies kwam\"\ntermijnenwet = false\nexplain = \"x\"\nsources = [\"wet\"]\n\n";
    let c = Content::new("followup-term");
    c.write(
        "extra.toml",
        &format!("{TERM}[[letter]]\nid = \"brief\"\ntitle = \"Brief\"\nwhen = \"x\"\nsources = [\"wet\"]\nfollow-up = {{ term = \"bestaat-niet\" }}\n"),
    );
    c.assert_error(
        "extra.toml",
        11,
        "follow-up term 'bestaat-niet' is not in terms.toml",
    );
    let c = Content::new("followup-date");
    c.write(
        "extra.toml",
        &format!("{TERM}[[letter]]\nid = \"brief\"\ntitle = \"Brief\"\nwhen = \"x\"\nsources = [\"wet\"]\nfollow-up = {{ term = \"reactie\", date-question = \"gepraat\" }}\n"),
    );
    c.assert_error("extra.toml", 11, "must be the start of term 'reactie'");
}

#[test]
fn an_option_that_stands_alone_belongs_to_a_multi_question() {
    let c = Content::new("alone");
    c.write(
        "questions.toml",
        &INTAKE.replace(
            "label-en = \"Secondary school\" }",
            "label-en = \"Secondary school\", alone = true }",
        ),
    );
    c.assert_error("questions.toml", 7, "only the options of a multi question");
}

/// A `[figures]` that fits the test intake: `soort` stands in for every choice question.
const FIGURES: &str = r#"[figures]
weeks-at-home = ["weken"]
school-type = "soort"

[figures.exemption]
status = "soort"
proposed = "po"
granted = "vo"
kind = "soort"
art-5a = "po"
art-11g = "vo"
art-11d = "po"

[figures.maatwerk]
question = "soort"
is = "vo"
"#;

/// Test content with a number question for the weeks and `figures` as figures.toml.
fn with_figures(name: &str, figures: &str) -> Content {
    let c = Content::new(name);
    c.write(
        "questions.toml",
        &format!("{INTAKE}\n[[question]]\nid = \"weken\"\ntype = \"number\"\ntext = \"Hoeveel weken?\"\ntext-en = \"How many weeks?\"\noptional = true\n"),
    );
    c.write("figures.toml", figures);
    c
}

#[test]
fn valid_figures_pass() {
    let (ok, stderr) = with_figures("figures-valid", FIGURES).check();
    assert!(ok, "{stderr}");
}

#[test]
fn figures_that_name_an_unknown_value_are_refused() {
    let c = with_figures(
        "figures-unknown",
        &FIGURES.replace("weeks-at-home = [\"weken\"]", "weeks-at-home = [\"dagen\"]"),
    );
    c.assert_error(
        "figures.toml",
        2,
        "weeks-at-home: 'dagen' is not a question or derived value",
    );
}

#[test]
fn figures_value_of_the_wrong_type_is_refused() {
    let c = with_figures(
        "figures-type",
        &FIGURES.replace("school-type = \"soort\"", "school-type = \"weken\""),
    );
    c.assert_error(
        "figures.toml",
        3,
        "school-type: 'weken' is a number value; name one of type \"choice\"",
    );
}

#[test]
fn figures_option_that_the_question_lacks_is_refused() {
    let c = with_figures(
        "figures-option",
        &FIGURES.replace("art-11d = \"po\"", "art-11d = \"11d\""),
    );
    c.assert_error(
        "figures.toml",
        12,
        "art-11d: '11d' is not an option of 'soort'",
    );
    let c = with_figures(
        "figures-maatwerk",
        &FIGURES.replace("is = \"vo\"", "is = \"plan\""),
    );
    c.assert_error(
        "figures.toml",
        16,
        "maatwerk is: 'plan' is not an option of 'soort'",
    );
}

#[test]
fn figures_with_an_unknown_key_or_twice_are_refused() {
    let c = with_figures(
        "figures-key",
        &FIGURES.replace("school-type =", "schooltype ="),
    );
    c.assert_error("figures.toml", 3, "unknown field `schooltype`");
    let c = with_figures("figures-twice", FIGURES);
    c.write("more.toml", "[figures]\nschool-type = \"soort\"\n");
    c.assert_error("more.toml", 1, "[figures] is already given at");
}

/// The version `check` prints: the newest source check date and a hash that is the same for
/// the same content in another folder, and changes with any change of a file.
#[test]
fn check_prints_a_content_version_that_follows_the_content() {
    let version = |c: &Content| {
        let out = Command::new(env!("CARGO_BIN_EXE_routewijzer"))
            .args(["check", "--content"])
            .arg(&c.dir)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .find_map(|l| l.strip_prefix("content version: ").map(str::to_string))
            .expect("check prints the content version")
    };
    let a = Content::new("version-a");
    let b = Content::new("version-b");
    let first = version(&a);
    assert_eq!(first, version(&b), "the same content, another folder");
    let (date, hash) = first.split_once('.').unwrap();
    assert!(
        jiff::civil::Date::strptime("%Y-%m-%d", date).is_ok(),
        "{first}"
    );
    assert_eq!(hash.len(), 16);
    b.write(
        "route.toml",
        &format!("{ROUTE}\n# a comment changes the version too\n"),
    );
    assert_ne!(first, version(&b));
}

/// A conversation preparation that is valid in the test content.
const CONVERSATION: &str = r#"[[conversation]]
step = "praten"
with = "De leerkracht."
purpose = "Afspraken maken."
company = ["Iemand die u vertrouwt."]
company-sources = ["wet"]
questions = ["Wat spreken we af?"]
report = "Vraag om een verslag."
sources = ["wet"]
with-en = "The teacher."
purpose-en = "Making agreements."
company-en = ["Someone you trust."]
questions-en = ["What do we agree?"]
report-en = "Ask for a written report."
"#;

#[test]
fn conversation_for_a_step_passes() {
    let c = Content::new("conversation-ok");
    c.write("conversations.toml", CONVERSATION);
    let (ok, stderr) = c.check();
    assert!(ok, "{stderr}");
}

#[test]
fn conversation_for_an_unknown_step_is_refused() {
    let c = Content::new("conversation-step");
    c.write(
        "conversations.toml",
        &format!(
            "# a comment first\n{}",
            CONVERSATION.replace("step = \"praten\"", "step = \"bestaat-niet\"")
        ),
    );
    c.assert_error("conversations.toml", 2, "unknown step 'bestaat-niet'");
}

#[test]
fn conversation_with_an_unknown_source_is_refused() {
    let c = Content::new("conversation-source");
    c.write(
        "conversations.toml",
        &CONVERSATION.replace(
            "company-sources = [\"wet\"]",
            "company-sources = [\"geen\"]",
        ),
    );
    c.assert_error("conversations.toml", 1, "unknown source 'geen'");
    c.write(
        "conversations.toml",
        &CONVERSATION.replace("\nsources = [\"wet\"]", "\nsources = [\"ook-geen\"]"),
    );
    c.assert_error("conversations.toml", 1, "unknown source 'ook-geen'");
}

#[test]
fn two_conversations_for_one_step_are_refused() {
    let c = Content::new("conversation-twice");
    c.write(
        "conversations.toml",
        &format!("{CONVERSATION}\n{CONVERSATION}"),
    );
    c.assert_error("conversations.toml", 16, "is already used at");
}

#[test]
fn check_prints_the_texts_per_language() {
    let c = Content::new("languages");
    let out = Command::new(env!("CARGO_BIN_EXE_routewijzer"))
        .args(["check", "--content"])
        .arg(&c.dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let row = |kind: &str| {
        stdout
            .lines()
            .find(|l| l.split_whitespace().next() == Some(kind))
            .map(|l| l.split_whitespace().skip(1).collect::<Vec<_>>())
            .unwrap_or_else(|| panic!("no row '{kind}' in:\n{stdout}"))
    };
    // 2 steps with a title and a summary; 2 questions, one with 2 options; 2 rules; 1 school.
    assert_eq!(row("step"), ["4", "4", "0"]);
    assert_eq!(row("question"), ["4", "4", "0"]);
    assert_eq!(row("rule"), ["2", "2", "0"]);
    assert_eq!(row("organisation"), ["4", "4", "0"]);
    assert_eq!(row("all"), ["14", "14", "0"]);
}

#[test]
fn a_missing_english_text_names_file_line_and_key() {
    let c = Content::new("no-english");
    c.write(
        "rules/basis.toml",
        &RULES.replace("because-en = \"Talking did not help.\"\n", ""),
    );
    c.assert_error(
        "rules/basis.toml",
        9,
        "rule 'daarna-hulp': 'because' has no English text; write it in 'because-en'",
    );
    // The table still shows how much is missing before the errors.
    let out = Command::new(env!("CARGO_BIN_EXE_routewijzer"))
        .args(["check", "--content"])
        .arg(&c.dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout
            .lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["rule", "2", "1", "1"]),
        "{stdout}"
    );
}

#[test]
fn an_english_list_has_one_text_for_each_dutch_one() {
    let c = Content::new("english-list");
    c.write(
        "route.toml",
        &ROUTE.replace(
            "summary-en = \"Talk.\"",
            "summary-en = \"Talk.\"\nprepare = [\"Schrijf op.\", \"Bel.\"]\nprepare-en = [\"Write it down.\"]",
        ),
    );
    c.assert_error(
        "route.toml",
        14,
        "'prepare-en' has 1 items, 'prepare' has 2",
    );
}

#[test]
fn an_option_without_english_is_named() {
    let c = Content::new("option-english");
    c.write(
        "questions.toml",
        &INTAKE.replace(", label-en = \"Primary school\"", ""),
    );
    c.assert_error(
        "questions.toml",
        7,
        "question 'soort', option 'po': 'label' has no English text",
    );
}

#[test]
fn an_article_needs_its_english_twin() {
    let c = Content::new("article-english");
    c.write(
        "articles/uitleg.md",
        "+++\nid = \"uitleg\"\ntitle = \"Uitleg\"\nsummary = \"Kort.\"\nsources = [\"wet\"]\n+++\nTekst.\n",
    );
    c.assert_error(
        "articles/uitleg.md",
        2,
        "article 'uitleg' has no English text; write it in articles/en/uitleg.md",
    );
    c.write(
        "articles/en/uitleg.md",
        "+++\nid = \"uitleg\"\ntitle = \"Explained\"\nsummary = \"Short.\"\n+++\nText.\n",
    );
    let (ok, stderr) = c.check();
    assert!(ok, "{stderr}");
    c.write(
        "articles/en/weg.md",
        "+++\nid = \"weg\"\ntitle = \"Gone\"\nsummary = \"Gone.\"\n+++\nText.\n",
    );
    c.assert_error(
        "articles/en/weg.md",
        2,
        "English article 'weg' has no Dutch article articles/weg.md",
    );
}
