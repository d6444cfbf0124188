//! The intake flow and the route as diagrams: Graphviz DOT and Mermaid.
//!
//! The intake is drawn as the sequence of questions with the condition under which each one is
//! asked; the route as its steps in order, main route levels first, with the rules that can make
//! a step current.

use std::fmt::Write;

use crate::condition::{Condition, Scalar, Test};
use crate::model::{Knowledge, Track};

/// A condition in short readable form, for edge labels.
pub fn describe(c: &Condition) -> String {
    match c {
        Condition::Test { q, test, .. } => match test {
            Test::Is(Scalar::Bool(b)) => format!("{q} = {}", if *b { "ja" } else { "nee" }),
            Test::Is(Scalar::Text(v)) => format!("{q} = {v}"),
            Test::In(vs) => format!("{q} in {}", vs.join("/")),
            Test::Has(v) => format!("{q} bevat {v}"),
            Test::HasAny(vs) => format!("{q} bevat {}", vs.join("/")),
            Test::AtLeast(n) => format!("{q} >= {n}"),
            Test::MoreThan(n) => format!("{q} > {n}"),
            Test::AtMost(n) => format!("{q} <= {n}"),
            Test::LessThan(n) => format!("{q} < {n}"),
            Test::Answered(true) => format!("{q} bekend"),
            Test::Answered(false) => format!("{q} onbekend"),
        },
        Condition::All(list) => list.iter().map(describe).collect::<Vec<_>>().join(" en "),
        Condition::Any(list) => format!(
            "({})",
            list.iter().map(describe).collect::<Vec<_>>().join(" of ")
        ),
        Condition::Not(c) => format!("niet ({})", describe(c)),
    }
}

fn dot_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

fn mermaid_escape(s: &str) -> String {
    s.replace('"', "#quot;")
}

/// The intake and the route as one Graphviz DOT document.
pub fn dot(k: &Knowledge) -> String {
    let mut out =
        String::from("digraph routewijzer {\n  rankdir=TB;\n  node [fontname=\"sans-serif\"];\n");
    out.push_str("  subgraph cluster_intake {\n    label=\"Intake\";\n    node [shape=box];\n");
    for q in &k.questions {
        let _ = writeln!(
            out,
            "    \"q:{}\" [label=\"{}\\n({})\"];",
            q.id,
            dot_escape(&q.id),
            q.kind
        );
    }
    for pair in k.questions.windows(2) {
        let label = pair[1].ask_if.as_ref().map(describe).unwrap_or_default();
        let _ = writeln!(
            out,
            "    \"q:{}\" -> \"q:{}\" [label=\"{}\"];",
            pair[0].id,
            pair[1].id,
            dot_escape(&label)
        );
    }
    out.push_str("  }\n  subgraph cluster_route {\n    label=\"Route\";\n    node [shape=box, style=rounded];\n");
    for s in &k.steps {
        let level = s
            .level
            .map(|l| format!("niveau {l}"))
            .unwrap_or_else(|| "zijroute".into());
        let _ = writeln!(
            out,
            "    \"s:{}\" [label=\"{}\\n{}\"];",
            s.id,
            dot_escape(&s.title),
            level
        );
    }
    let main: Vec<_> = k.steps.iter().filter(|s| s.track == Track::Main).collect();
    for pair in main.windows(2) {
        let _ = writeln!(out, "    \"s:{}\" -> \"s:{}\";", pair[0].id, pair[1].id);
    }
    out.push_str("  }\n");
    for r in &k.rules {
        if let Some(step) = &r.current {
            let _ = writeln!(
                out,
                "  \"r:{}\" [shape=note, label=\"{}\"];",
                r.id,
                dot_escape(&r.id)
            );
            let _ = writeln!(
                out,
                "  \"r:{}\" -> \"s:{}\" [style=dashed, label=\"{}\"];",
                r.id,
                step,
                dot_escape(&describe(&r.when))
            );
        }
    }
    out.push_str("}\n");
    out
}

/// The intake and the route as one Mermaid flowchart.
pub fn mermaid(k: &Knowledge) -> String {
    let mut out = String::from("flowchart TD\n  subgraph intake[Intake]\n");
    let node = |prefix: &str, id: &str| format!("{prefix}_{}", id.replace('-', "_"));
    for q in &k.questions {
        let _ = writeln!(
            out,
            "    {}[\"{} ({})\"]",
            node("q", &q.id),
            mermaid_escape(&q.id),
            q.kind
        );
    }
    for pair in k.questions.windows(2) {
        let a = node("q", &pair[0].id);
        let b = node("q", &pair[1].id);
        match &pair[1].ask_if {
            Some(c) => {
                let _ = writeln!(out, "    {a} -->|\"{}\"| {b}", mermaid_escape(&describe(c)));
            }
            None => {
                let _ = writeln!(out, "    {a} --> {b}");
            }
        }
    }
    out.push_str("  end\n  subgraph route[Route]\n");
    for s in &k.steps {
        let _ = writeln!(
            out,
            "    {}(\"{}\")",
            node("s", &s.id),
            mermaid_escape(&s.title)
        );
    }
    let main: Vec<_> = k.steps.iter().filter(|s| s.track == Track::Main).collect();
    for pair in main.windows(2) {
        let _ = writeln!(
            out,
            "    {} --> {}",
            node("s", &pair[0].id),
            node("s", &pair[1].id)
        );
    }
    out.push_str("  end\n");
    for r in &k.rules {
        if let Some(step) = &r.current {
            let _ = writeln!(
                out,
                "  {}>\"{}\"] -.-> {}",
                node("r", &r.id),
                mermaid_escape(&r.id),
                node("s", step)
            );
        }
    }
    out
}
