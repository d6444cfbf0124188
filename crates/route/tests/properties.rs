//! Property tests over the real content: for any valid set of answers, `advise` never panics,
//! gives exactly one current step, and every item in it has a source.

use std::path::Path;
use std::sync::LazyLock;

use proptest::prelude::*;
use route::Knowledge;
use route::condition::Value;
use route::model::{QuestionType, Status};
use route::situation::Situation;

static KNOWLEDGE: LazyLock<Knowledge> = LazyLock::new(|| {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    route::load_dir(&dir).unwrap_or_else(|e| panic!("content does not load: {}", e[0]))
});

/// A random valid answer for one question, or none.
fn answer(q: &route::model::Question) -> BoxedStrategy<Option<Value>> {
    let value: BoxedStrategy<Value> = match q.kind {
        QuestionType::Yesno => any::<bool>().prop_map(Value::Bool).boxed(),
        QuestionType::Choice => {
            let opts: Vec<String> = q.options.iter().map(|o| o.value.clone()).collect();
            proptest::sample::select(opts).prop_map(Value::Text).boxed()
        }
        QuestionType::Multi => {
            let opts: Vec<String> = q.options.iter().map(|o| o.value.clone()).collect();
            let alone: Vec<String> = q
                .options
                .iter()
                .filter(|o| o.alone)
                .map(|o| o.value.clone())
                .collect();
            // An option that stands alone is chosen on its own, as the form and files allow.
            proptest::sample::subsequence(opts.clone(), 0..=opts.len())
                .prop_map(move |mut chosen| {
                    if chosen.len() > 1 {
                        chosen.retain(|v| !alone.contains(v));
                    }
                    Value::List(chosen)
                })
                .boxed()
        }
        QuestionType::Number => {
            let min = q.min.unwrap_or(0.0) as i64;
            let max = q.max.unwrap_or(1000.0) as i64;
            (min..=max).prop_map(|n| Value::Number(n as f64)).boxed()
        }
        QuestionType::Date => (0i64..3000)
            .prop_map(|d| {
                Value::Date(jiff::civil::date(2023, 1, 1).saturating_add(jiff::Span::new().days(d)))
            })
            .boxed(),
    };
    prop_oneof![1 => Just(None), 3 => value.prop_map(Some)].boxed()
}

fn situation() -> impl Strategy<Value = Situation> {
    let k = &*KNOWLEDGE;
    let answers: Vec<_> = k.questions.iter().map(answer).collect();
    let region = prop_oneof![
        Just(None),
        Just(Some(calendar::Region::Noord)),
        Just(Some(calendar::Region::Midden)),
        Just(Some(calendar::Region::Zuid)),
    ];
    (answers, 0i64..2500, region).prop_map(move |(answers, day, region)| {
        let mut s = Situation::new(
            jiff::civil::date(2024, 1, 1).saturating_add(jiff::Span::new().days(day)),
        );
        s.region = region;
        for (q, a) in k.questions.iter().zip(answers) {
            if let Some(v) = a {
                s.answers.insert(q.id.clone(), v);
            }
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn advice_has_one_current_step_and_every_item_a_source(s in situation()) {
        let k = &*KNOWLEDGE;
        let a = route::advise(k, &s);
        let currents: Vec<_> = a.steps.iter().filter(|st| st.status == Status::Current).collect();
        prop_assert_eq!(currents.len(), 1);
        prop_assert_eq!(&currents[0].id, &a.current);
        prop_assert_eq!(a.steps.len(), k.steps.len());
        for st in &a.steps {
            prop_assert!(!k.step(&st.id).unwrap().cite.sources.is_empty(), "step {} has no source", st.id);
            for r in &st.reasons {
                if let Some(rule) = &r.rule {
                    prop_assert!(!k.rule(rule).unwrap().cite.sources.is_empty());
                }
            }
        }
        for w in &a.warnings {
            prop_assert!(!k.warning(&w.id).unwrap().cite.sources.is_empty(), "warning {} has no source", w.id);
        }
        for t in &a.terms {
            prop_assert!(!k.term(&t.id).unwrap().cite.sources.is_empty(), "term {} has no source", t.id);
            if let Some(d) = &t.deadline {
                prop_assert!(d.date >= d.start);
            }
        }
        for l in &a.letters {
            prop_assert!(!k.letter(&l.id).unwrap().cite.sources.is_empty());
        }
        for x in &a.articles {
            prop_assert!(!k.article(&x.id).unwrap().cite.sources.is_empty());
        }
        // Deterministic: the same situation gives the same advice.
        prop_assert_eq!(route::advise(k, &s), a);
    }

    #[test]
    fn the_intake_asks_only_relevant_unanswered_questions_and_ends(s in situation()) {
        let k = &*KNOWLEDGE;
        let mut s = s;
        for _ in 0..=k.questions.len() {
            let Some(q) = route::intake::next_question(k, &s) else { break };
            prop_assert!(!s.answers.contains_key(&q.id));
            prop_assert!(route::intake::is_relevant(k, &s, q));
            let first = match q.kind {
                QuestionType::Yesno => Value::Bool(false),
                QuestionType::Choice => Value::Text(q.options[0].value.clone()),
                QuestionType::Multi => Value::List(vec![]),
                QuestionType::Number => Value::Number(q.min.unwrap_or(0.0)),
                QuestionType::Date => Value::Date(s.today),
            };
            s.answers.insert(q.id.clone(), first);
        }
        prop_assert!(route::intake::next_question(k, &s).is_none(), "the intake did not end");
        // Every answer the check page lists is one the intake still considers relevant.
        for (q, _) in route::intake::answered(k, &s) {
            prop_assert!(route::intake::is_relevant(k, &s, q));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Saving the answers as a file and reading them back gives the same situation.
    #[test]
    fn a_situation_survives_the_json_round_trip(s in situation()) {
        let k = &*KNOWLEDGE;
        let text = route::situation::to_json(&s).to_string();
        match route::situation::from_json(k, &text) {
            Ok(back) => prop_assert_eq!(back, s),
            Err(e) => prop_assert!(false, "{}", e),
        }
    }
}
