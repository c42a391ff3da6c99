package extract

// The engine's own vocabulary: grammar of report prose, not metrics (those
// live in rule files).

// changeVerbs precede a change figure (同比增长12.3%). A verb followed by
// 至/到/为 names the new level instead (降至8.1%).
var changeVerbs = []struct {
	word string
	sign int
}{
	{"上升", 1}, {"增长", 1}, {"提高", 1}, {"增加", 1}, {"提升", 1}, {"上涨", 1}, {"增幅", 1},
	{"下降", -1}, {"减少", -1}, {"降低", -1}, {"回落", -1}, {"降幅", -1}, {"减幅", -1},
}

// changeNouns name a change and may be followed by a link word: 降幅为5%.
var changeNouns = []string{"增幅", "降幅", "减幅"}

// levelLinks turn a change verb into a new level: 提高到, 降至, 上升为.
var levelLinks = []string{"至", "到", "为"}

// previousRefs name an earlier period right before a figure: 较2019年36.37%,
// 上年为15.2%. back is how many years before the report's year.
var previousRefs = []struct {
	word string
	back int
}{
	{"上一年度", 1}, {"上一年", 1}, {"上年度", 1}, {"上年同期", 1}, {"去年同期", 1}, {"上年", 1}, {"去年", 1}, {"前年", 2},
}

// previousLeads may open a previous-period phrase: 较, 比, 从, 由.
var previousLeads = []string{"相较于", "相比于", "相较", "相比", "较", "比", "从", "由", "同比"}

// previousTails may close it: 较2019年的, 上年为.
var previousTails = []string{"度的", "度为", "的", "为", "是", "度"}

// targetWords mark a goal rather than a result when they stand before the
// figure in its sentence.
// They count in the figure's own clause only (为确保案件质量，…出庭应诉率达100%
// is a result), and 目标/计划 not at all: they are nouns as often (目标任务).
var targetWords = []string{"力争", "确保", "争取", "预计", "有望"}

// planHeadingWords mark a heading that opens next year's plans; every figure
// under it is a target.
// (计划 or 重点工作 alone also head sections of results: 落实年度工作计划情况.)
var planHeadingWords = []string{"打算", "思路", "下一步", "展望"}

// coordinators: 均为/都为 give one value to every metric named before them;
// 分别为 pairs metrics and values in order.
var allWords = []string{"均", "都", "皆"}

const respectivelyWord = "分别"

// listSeparators may stand between the values of 分别为 x、y.
const listSeparators = "、,，和及与 "

// ownTerritory names the reporting government's whole territory; after it,
// a scope named earlier in the sentence no longer holds.
var ownTerritory = runesOf("全市", "全区", "全县", "全省", "全州", "全旗")

func runesOf(words ...string) [][]rune {
	out := make([][]rune, len(words))
	for i, w := range words {
		out[i] = []rune(w)
	}
	return out
}

// timeUnits are the units of numbers that name a time, not a figure
// (2022年, 三年, 6个月): they may stand between a trigger and its value.
var timeUnits = []string{"年", "月", "日", "天", "个月", "季度", "周"}

// negations right before a trigger mean the figure is not one of it (未审结1件).
var negations = []rune{'未', '无', '不', '没', '非'}

// unitAliases fold counting words to the catalog's units.
var unitAliases = map[string]string{"名": "人", "位": "人", "起": "件", "宗": "件"}

// maxGap is the longest run of runes allowed between a trigger and its value.
const maxGap = 20

// fillers may stand between a trigger and its value: link words, adverbs,
// amounts. Anything else in between means the value is about something else
// (成功调处刑事和解案件15件 is not a count of successful mediations).
var fillers = []string{
	"为", "是", "达", "达到", "达至", "保持", "保持在", "实现", "稳定在", "维持在", "高达", "仅", "仅为", "只有",
	"共", "共计", "合计", "累计", "总计", "总数", "数", "数量", "量", "总量", "人数", "件数",
	"分别", "均", "都", "皆", "已", "已达", "已经", "仍", "仍然", "继续", "持续", "始终", "再次",
	"今年", "全年", "年度", "本年度", "当年", "同比", "的", "了", "在", "有",
	"提升至", "提升到", "提高到", "提高至", "上升到", "上升至", "升至", "增至", "增加到",
	"降至", "下降到", "下降至", "降低到", "降低至", "减少到", "减少至", "回落至",
	"参加", "顺利", "全部", "连续", "逐年", "稳定", "稳定在", "控制在", "控制",
}

// yearRune closes a year: 2019年.
const yearRune = '年'
