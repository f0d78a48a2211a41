//! Output formatting shared by the commands: Go's `text/tabwriter` (which
//! both `kubectl get` tables and `describe` go through) and apimachinery's
//! `duration.HumanDuration` for AGE columns.

use crate::api::Time;

/// A `text/tabwriter.Writer` configured as (minwidth, tabwidth, padding),
/// with space padding and no flags. Cells are tab-terminated; the text
/// after a line's last tab is not part of any column. A line without a tab
/// ends an alignment block, as tabwriter flushes there.
pub struct TabWriter {
    pub min_width: usize,
    pub padding: usize,
}

/// `kubectl get` tables (cli-runtime printers: minwidth 6, tabwidth 4, padding 3).
pub const TABLE: TabWriter = TabWriter {
    min_width: 6,
    padding: 3,
};
/// `kubectl describe` and `rollout history` (minwidth 0, tabwidth 8, padding 2).
pub const DESCRIBE: TabWriter = TabWriter {
    min_width: 0,
    padding: 2,
};

impl TabWriter {
    pub fn format(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 64);
        let lines: Vec<Vec<&str>> = text
            .split_inclusive('\n')
            .map(|l| l.trim_end_matches('\n').split('\t').collect())
            .collect();
        let mut block_start = 0;
        for (i, cells) in lines.iter().enumerate() {
            if cells.len() == 1 {
                self.format_block(&lines[block_start..=i], &mut out);
                block_start = i + 1;
            }
        }
        if block_start < lines.len() {
            self.format_block(&lines[block_start..], &mut out);
        }
        if !text.ends_with('\n') && out.ends_with('\n') {
            out.pop();
        }
        out
    }

    fn format_block(&self, lines: &[Vec<&str>], out: &mut String) {
        let mut widths: Vec<usize> = Vec::new();
        self.format_columns(lines, 0, &mut widths, out);
    }

    /// tabwriter's recursive `format`: a column block is a run of
    /// consecutive lines that have a cell in this column.
    fn format_columns(
        &self,
        lines: &[Vec<&str>],
        column: usize,
        widths: &mut Vec<usize>,
        out: &mut String,
    ) {
        let mut line0 = 0;
        let mut this = 0;
        while this < lines.len() {
            if column >= lines[this].len().saturating_sub(1) {
                this += 1;
                continue;
            }
            self.write_lines(&lines[line0..this], widths, out);
            line0 = this;
            let mut width = self.min_width;
            while this < lines.len() && column < lines[this].len().saturating_sub(1) {
                width = width.max(cell_width(lines[this][column]) + self.padding);
                this += 1;
            }
            widths.push(width);
            self.format_columns(&lines[line0..this], column + 1, widths, out);
            widths.pop();
            line0 = this;
        }
        self.write_lines(&lines[line0..], widths, out);
    }

    fn write_lines(&self, lines: &[Vec<&str>], widths: &[usize], out: &mut String) {
        for cells in lines {
            for (j, cell) in cells.iter().enumerate() {
                out.push_str(cell);
                if j < widths.len() && j + 1 < cells.len() {
                    out.extend(std::iter::repeat_n(
                        ' ',
                        widths[j].saturating_sub(cell_width(cell)),
                    ));
                }
            }
            out.push('\n');
        }
    }
}

fn cell_width(s: &str) -> usize {
    s.chars().count()
}

/// HumanDuration: `5s`, `2m10s`, `45m`, `3h5m`, `2d3h`, `400d`, `2y30d`.
pub fn human_duration(ms: i64) -> String {
    let seconds = ms.div_euclid(1000);
    if seconds < -1 {
        return "<invalid>".into();
    }
    if seconds < 0 {
        return "0s".into();
    }
    if seconds < 60 * 2 {
        return format!("{seconds}s");
    }
    let minutes = seconds / 60;
    if minutes < 10 {
        let s = seconds % 60;
        return if s == 0 {
            format!("{minutes}m")
        } else {
            format!("{minutes}m{s}s")
        };
    }
    if minutes < 60 * 3 {
        return format!("{minutes}m");
    }
    let hours = minutes / 60;
    if hours < 8 {
        let m = minutes % 60;
        return if m == 0 {
            format!("{hours}h")
        } else {
            format!("{hours}h{m}m")
        };
    }
    if hours < 48 {
        return format!("{hours}h");
    }
    if hours < 24 * 8 {
        let h = hours % 24;
        return if h == 0 {
            format!("{}d", hours / 24)
        } else {
            format!("{}d{h}h", hours / 24)
        };
    }
    if hours < 24 * 365 * 2 {
        return format!("{}d", hours / 24);
    }
    if hours < 24 * 365 * 8 {
        let dy = (hours / 24) % 365;
        return if dy == 0 {
            format!("{}y", hours / 24 / 365)
        } else {
            format!("{}y{dy}d", hours / 24 / 365)
        };
    }
    format!("{}y", hours / 24 / 365)
}

/// The AGE of an object created at `created`, seen at `now`.
pub fn age(created: Option<Time>, now: Time) -> String {
    match created {
        None => "<unknown>".into(),
        Some(t) => human_duration(now.0 - t.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn get_tables_align_like_kubectl() {
        let text = "NAME\tREADY\tUP-TO-DATE\tAVAILABLE\tAGE\nnginx-deployment\t3/3\t3\t3\t2s\n";
        assert_eq!(
            TABLE.format(text),
            "NAME               READY   UP-TO-DATE   AVAILABLE   AGE\nnginx-deployment   3/3     3            3           2s\n"
        );
    }

    #[test]
    fn a_line_without_tabs_ends_the_alignment_block() {
        let text = "Name:\tweb\nNamespace:\tdefault\nPod Template:\n  Labels:\tapp=web\n";
        assert_eq!(
            DESCRIBE.format(text),
            "Name:       web\nNamespace:  default\nPod Template:\n  Labels:  app=web\n"
        );
    }

    #[test]
    fn history_table_pads_revision_column() {
        assert_eq!(
            DESCRIBE.format("REVISION\tCHANGE-CAUSE\n1\t<none>\n"),
            "REVISION  CHANGE-CAUSE\n1         <none>\n"
        );
    }

    #[test]
    fn human_durations() {
        for (s, want) in [
            (0, "0s"),
            (119, "119s"),
            (120, "2m"),
            (130, "2m10s"),
            (600, "10m"),
            (179 * 60, "179m"),
            (3 * 3600 + 300, "3h5m"),
            (8 * 3600, "8h"),
            (47 * 3600, "47h"),
            (49 * 3600, "2d1h"),
            (8 * 86400, "8d"),
            (800 * 86400, "2y70d"),
        ] {
            assert_eq!(human_duration(s * 1000), want, "{s}s");
        }
        assert_eq!(human_duration(-500), "0s");
        assert_eq!(human_duration(-5000), "<invalid>");
    }
}
