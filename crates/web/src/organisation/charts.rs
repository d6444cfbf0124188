//! The figures as SVG bar charts: one chart per block of a table, every bar with its label and
//! count (or the word for a hidden count), laid out in the SVG's own units.

use figures::View;

use super::figures::Labels;

/// The height of one bar row in the SVG, in its own units.
const ROW: u32 = 28;
/// Where the bars start and how wide the longest is.
const BAR_X: u32 = 330;
const BAR_MAX: u32 = 220;

pub struct Bar {
    pub label: String,
    /// The label as it fits beside the bars.
    pub short: String,
    /// The count as text, or the word for hidden.
    pub value: String,
    pub hidden: bool,
    /// For the SVG: the top of the row, the middle of its text, the bar's width.
    pub bar_y: u32,
    pub text_y: u32,
    pub width: u32,
    pub value_x: u32,
}

pub struct Chart {
    pub title: String,
    pub height: u32,
    pub bars: Vec<Bar>,
}

pub struct ChartTable {
    pub title: String,
    pub charts: Vec<Chart>,
}

/// Long step titles would run into the bars; the full title is in the table under the chart.
fn short(label: &str) -> String {
    const MAX: usize = 44;
    if label.chars().count() <= MAX {
        label.to_string()
    } else {
        let cut: String = label.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// A bar chart per block of each table, for the figures page; the table under each chart
/// carries the same numbers for those who do not see the chart.
pub fn charts(view: &View, labels: &Labels) -> Vec<ChartTable> {
    let hidden_word = labels.i.t("figures-hidden");
    view.tables
        .iter()
        .map(|t| ChartTable {
            title: labels.table(t.kind),
            charts: t
                .blocks
                .iter()
                .map(|b| {
                    let max = b
                        .cells
                        .iter()
                        .filter_map(|c| c.count)
                        .max()
                        .unwrap_or(0)
                        .max(1);
                    let bars: Vec<Bar> = b
                        .cells
                        .iter()
                        .enumerate()
                        .map(|(row, c)| {
                            let y = row as u32 * ROW;
                            let width = c
                                .count
                                .map(|n| (n * u64::from(BAR_MAX) / max) as u32)
                                .unwrap_or(0);
                            let label = labels.cell(t.kind, &b.key, &c.key);
                            Bar {
                                short: short(&label),
                                label,
                                value: c
                                    .count
                                    .map(|n| n.to_string())
                                    .unwrap_or_else(|| hidden_word.clone()),
                                hidden: c.count.is_none(),
                                bar_y: y + 6,
                                text_y: y + ROW / 2 + 5,
                                width,
                                value_x: BAR_X + width + 6,
                            }
                        })
                        .collect();
                    Chart {
                        title: labels.block(t.kind, &b.key),
                        height: bars.len() as u32 * ROW,
                        bars,
                    }
                })
                .collect(),
        })
        .collect()
}
