// Package rules owns zhibiao's rule files: the YAML format, the embedded
// default catalog, loading with file:line:col errors, and the merged set of
// metrics in force. It knows nothing of text: the extract package applies
// the rules, the segment package receives their words as its lexicon.
//
// A rule file holds three optional sections:
//
//	topics:   # named families of words; the nearest one before a figure says what it is about
//	  review: [行政复议, 复议]
//	scopes:   # words naming who a figure is about (区政府, 市政府…)
//	  - 区政府
//	metrics:  # one entry per catalog metric
//	  - id: review.correction_rate
//	    name: 行政复议纠错率
//	    unit: "%"
//	    topic: review
//	    triggers: [行政复议纠错率, 纠错率]
//	    require: []        # one of these words must be in the figure's clause
//	    exclude: [未]      # none of these may stand in the clause before the trigger
//	    value_before: false # the figure may stand just before the trigger (60人报名)
//
// Later files override a metric id or topic of earlier ones, and may add
// new ones. See docs/rules.md.
package rules
