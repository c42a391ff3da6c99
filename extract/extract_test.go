package extract

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/zhibiao/zhibiao/document"
	"github.com/zhibiao/zhibiao/rules"
	"github.com/zhibiao/zhibiao/segment"
)

var (
	engineOnce sync.Once
	engine     *Extractor
	engineErr  error
)

// testEngine builds the default engine once for the package's tests.
func testEngine(t testing.TB) *Extractor {
	t.Helper()
	engineOnce.Do(func() {
		set, err := rules.Load()
		if err != nil {
			engineErr = err
			return
		}
		seg, err := segment.New(set.Lexicon(), segment.DictCompact)
		if err != nil {
			engineErr = err
			return
		}
		engine = New(seg, set)
	})
	if engineErr != nil {
		t.Fatal(engineErr)
	}
	return engine
}

// brief renders a record as "id value unit kind qualifier [ref=Y] [scope=S]".
func brief(r Record) string {
	s := fmt.Sprintf("%s %s %s %s %s", r.MetricID, r.Value, r.Unit, r.Kind, r.Qualifier)
	if r.RefYear != 0 {
		s += fmt.Sprintf(" ref=%d", r.RefYear)
	}
	if r.Scope != "" {
		s += " scope=" + r.Scope
	}
	return s
}

// extractBody runs the engine on a report of 某某县 about 2023 whose body is text.
func extractBody(t *testing.T, text string) []Record {
	t.Helper()
	src := "某某县2023年度法治政府建设情况报告\n" + text + "\n"
	doc, err := document.Parse("t.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Year != 2023 {
		t.Fatalf("test report year = %d, want 2023", doc.Year)
	}
	return testEngine(t).Extract(doc)
}

// TestPhrases covers every pattern of the phrase list with sentences
// written for this test.
func TestPhrases(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		// Link between metric and value.
		{"bare", "本年度行政复议纠错率12.5%。", []string{"review.correction_rate 12.5 % level exact"}},
		{"达到", "各部门负责人出庭应诉率达到95%。", []string{"litigation.head_appearance_rate 95 % level exact"}},
		{"保持", "行政机关负责人出庭率继续保持在100%。", []string{"litigation.head_appearance_rate 100 % level exact"}},
		{"降至 is the new level", "一审行政诉讼败诉率降至8.1%。", []string{"litigation.loss_rate 8.1 % level exact"}},
		{"提高到", "人民调解成功率提高到96.4%。", []string{"mediation.success_rate 96.4 % level exact"}},
		{"value before metric", "全年以97.2%的调解成功率化解各类纠纷。", []string{"mediation.success_rate 97.2 % level exact"}},
		{"metric far from value", "行政复议案件的直接纠错率今年为9%。", []string{"review.direct_correction_rate 9 % level exact"}},
		{"generic 占比 is not catalog", "行政执法人员中法律专业人员占比为35%。", nil},

		// Qualifiers.
		{"约为", "行政复议调撤率约为40%。", []string{"review.settlement_rate 40 % level approx"}},
		{"近", "本年度调解成功率近99%。", []string{"mediation.success_rate 99 % level approx"}},
		{"左右", "负责人出庭应诉率35%左右。", []string{"litigation.head_appearance_rate 35 % level approx"}},
		{"余 after a count", "全年受理行政复议案件120余件。", []string{"review.accepted 120 件 level approx"}},
		{"超过", "负责人出庭率超过90%。", []string{"litigation.head_appearance_rate 90 % level lower"}},
		{"以上", "负责人出庭应诉率达90%以上。", []string{"litigation.head_appearance_rate 90 % level lower"}},
		{"不低于", "规范性文件报备率不低于98%。", []string{"docs.filing_rate 98 % level lower"}},
		{"不到", "复议后起诉率不到5%。", []string{"review.sue_after_rate 5 % level upper"}},
		{"低于", "行政败诉率低于3%。", []string{"litigation.loss_rate 3 % level upper"}},

		// Kinds.
		{"count and 同比增长", "全年受理行政复议申请210件,同比增长12.3%。", []string{
			"review.applications 210 件 level exact", "review.applications 12.3 % change exact"}},
		{"同比下降 without a count", "一审行政诉讼案件同比下降6.5%。", []string{"litigation.cases -6.5 % change exact"}},
		{"个百分点", "行政诉讼败诉率较上年下降2.4个百分点。", []string{"litigation.loss_rate -2.4 个百分点 change exact"}},
		{"earlier year", "行政复议纠错率为11.2%,较2021年的15.2%有所下降。", []string{
			"review.correction_rate 11.2 % level exact", "review.correction_rate 15.2 % previous exact ref=2021"}},
		{"上年为", "人民调解成功率97.5%,上年为96%。", []string{
			"mediation.success_rate 97.5 % level exact", "mediation.success_rate 96 % previous exact ref=2022"}},
		{"由上年的…下降到", "行政诉讼败诉率由上年的15%下降到10%。", []string{
			"litigation.loss_rate 15 % previous exact ref=2022", "litigation.loss_rate 10 % level exact"}},
		{"力争 target", "力争行政机关负责人出庭应诉率达到100%。", []string{"litigation.head_appearance_rate 100 % target exact"}},
		{"later year target", "2024年确保负责人出庭应诉率不低于90%。", []string{"litigation.head_appearance_rate 90 % target lower"}},
		{"no figure", "行政诉讼败诉率明显下降,进一步提高出庭应诉率。", nil},

		// Numbers.
		{"full-width", "行政复议纠错率为９８．５％。", []string{"review.correction_rate 98.5 % level exact"}},
		{"百分之", "调解成功率达百分之九十八。", []string{"mediation.success_rate 98 % level exact"}},
		{"百分之…点", "行政复议直接纠错率为百分之七点五。", []string{"review.direct_correction_rate 7.5 % level exact"}},
		{"Chinese count", "全年共调处矛盾纠纷一千三百零五件。", []string{"mediation.cases 1305 件 level exact"}},
		{"两百", "共办理法律援助案件两百件。", []string{"legal_aid.cases 200 件 level exact"}},
		{"万", "全年调解矛盾纠纷2.3万件。", []string{"mediation.cases 23000 件 level exact"}},
		{"成", "执法证考试通过率达九成以上。", []string{"enforcement.cert_pass_rate 90 % level lower"}},
		{"ratio a:1", "复议诉讼比为1.3:1。", []string{"review.litigation_ratio 1.3 ratio level exact"}},
		{"ratio 1:b", "行政复议与行政诉讼案件比为1:0.8。", []string{"review.litigation_ratio 1.25 ratio level exact"}},
		{"ratio bare", "复议诉讼比达2.05。", []string{"review.litigation_ratio 2.05 ratio level exact"}},
		{"trailing zeros", "负责人出庭率为87.50%。", []string{"litigation.head_appearance_rate 87.5 % level exact"}},
		{"rank, year and words are no figures", "2023年第三期执法证考试通过率96%,两法衔接平台实现三级全覆盖。", []string{
			"enforcement.cert_pass_rate 96 % level exact"}},

		// Several figures in one clause.
		{"均为", "规范性文件报备率、报备及时率均为100%。", []string{
			"docs.filing_rate 100 % level exact", "docs.filing_timely_rate 100 % level exact"}},
		{"和…均达到", "行政规范性文件报备率和备案审查率均达到100%。", []string{
			"docs.filing_rate 100 % level exact", "docs.review_rate 100 % level exact"}},
		{"分别为", "行政复议纠错率、调撤率分别为11%、40%。", []string{
			"review.correction_rate 11 % level exact", "review.settlement_rate 40 % level exact"}},
		{"list of counts", "审结行政复议案件86件,其中维持50件,撤销12件。", []string{"review.concluded 86 件 level exact"}},
		{"two scopes", "区政府行政复议纠错率10%;市政府行政复议纠错率6%。", []string{
			"review.correction_rate 10 % level exact scope=区政府", "review.correction_rate 6 % level exact scope=市政府"}},
		{"scope by 以…为被告", "法院受理以县政府为被告的行政诉讼案件31件,败诉率6.45%。", []string{
			"litigation.cases 31 件 level exact scope=县政府", "litigation.loss_rate 6.45 % level exact scope=县政府"}},

		// Subject carried from an earlier clause.
		{"mediation context", "全年调处矛盾纠纷1000件,调解成功980件,成功率98%。", []string{
			"mediation.cases 1000 件 level exact", "mediation.successes 980 件 level exact", "mediation.success_rate 98 % level exact"}},
		{"出庭率 after litigation", "共办理行政应诉案件40件,负责人出庭率100%。", []string{
			"litigation.cases 40 件 level exact", "litigation.head_appearance_rate 100 % level exact"}},
		{"审结 follows its topic", "全年新收行政复议案件52件,审结49件。共办理行政应诉案件20件,审结18件。", []string{
			"review.accepted 52 件 level exact", "review.concluded 49 件 level exact",
			"litigation.cases 20 件 level exact", "litigation.concluded 18 件 level exact"}},
		{"topic from the sentence before", "全年收到行政复议申请75件。审结68件,其中驳回复议申请3件。", []string{
			"review.applications 75 件 level exact", "review.concluded 68 件 level exact"}},
		{"exam counts before their verb", "本次执法资格考试共有120人报名,98人考试合格,通过率81.67%。", []string{
			"enforcement.exam_takers 120 人 level exact", "enforcement.exam_passed 98 人 level exact",
			"enforcement.cert_pass_rate 81.67 % level exact"}},

		// Further phrasings of other reports.
		{"纠错 count then rate", "全年共办理行政复议案件156件,审结143件,依法撤销、变更、确认违法等纠错18件,纠错率12.59%。", []string{
			"review.accepted 156 件 level exact", "review.concluded 143 件 level exact",
			"review.corrected 18 件 level exact", "review.correction_rate 12.59 % level exact"}},
		{"change first, level after", "行政机关负责人出庭应诉率同比提高15个百分点,达到85%。", []string{
			"litigation.head_appearance_rate 15 个百分点 change exact", "litigation.head_appearance_rate 85 % level exact"}},
		{"level then change", "出庭应诉率为100%,较上年提高20个百分点。", []string{
			"litigation.head_appearance_rate 100 % level exact", "litigation.head_appearance_rate 20 个百分点 change exact"}},
		{"thousands separator", "全市各级行政机关共收到行政复议申请1,256件。", []string{"review.applications 1256 件 level exact"}},
		{"排查调处 and 万", "人民调解组织共排查调处矛盾纠纷3.2万件,调解成功率98.6%。", []string{
			"mediation.cases 32000 件 level exact", "mediation.success_rate 98.6 % level exact"}},
		{"exam counts with 人数", "执法资格考试参考人数358人,合格人数301人,合格率84.08%。", []string{
			"enforcement.exam_takers 358 人 level exact", "enforcement.exam_passed 301 人 level exact",
			"enforcement.cert_pass_rate 84.08 % level exact"}},
		{"名 counts as 人", "参加执法证考试236名,考试合格201名。", []string{
			"enforcement.exam_takers 236 人 level exact", "enforcement.exam_passed 201 人 level exact"}},

		// Cases found in review.
		{"分别 with a verb list and a shared noun", "全年受理、审结行政复议案件分别为50件、48件,同比分别增长10%、5%。", []string{
			"review.accepted 50 件 level exact", "review.concluded 48 件 level exact"}},
		{"分别 with three items", "行政复议申请、受理、审结分别为60件、50件、48件。", []string{
			"review.applications 60 件 level exact", "review.accepted 50 件 level exact", "review.concluded 48 件 level exact"}},
		{"分别 with 申请量", "行政复议申请量、受理量分别为98件、83件。", []string{
			"review.applications 98 件 level exact", "review.accepted 83 件 level exact"}},
		{"分别 with fewer metrics than values pairs nothing", "调解成功率、群众满意率分别为99%、98%。", nil},
		{"a change of another subject", "全年受理行政复议案件120件,群众满意度同比提高5个百分点。", []string{
			"review.accepted 120 件 level exact"}},
		{"a change of an amount", "全县调处矛盾纠纷500件,涉案金额同比下降12%。", []string{"mediation.cases 500 件 level exact"}},
		{"计划 as a noun", "严格落实年度学法计划,全年审结行政复议案件50件,纠错率为10%。", []string{
			"review.concluded 50 件 level exact", "review.correction_rate 10 % level exact"}},
		{"确保 in another clause", "为确保案件质量,全县行政机关负责人出庭应诉率达100%。", []string{
			"litigation.head_appearance_rate 100 % level exact"}},
		{"results under a 计划 heading", "二、落实年度工作计划情况\n全年行政复议纠错率为10%。", []string{
			"review.correction_rate 10 % level exact"}},
		{"plan heading", "三、2024年工作打算\n全年行政复议纠错率控制在10%以内。", []string{
			"review.correction_rate 10 % target upper"}},
		{"县委县政府 is no scope", "在县委县政府的坚强领导下,全县共调处矛盾纠纷500件,调解成功率99%。", []string{
			"mediation.cases 500 件 level exact", "mediation.success_rate 99 % level exact"}},
		{"全县 resets a scope", "县政府常务会议学法4次,全县行政复议纠错率为6%。", []string{"review.correction_rate 6 % level exact"}},
		{"a sentence about an earlier year", "2022年行政复议纠错率为12%,2023年为10%。", []string{
			"review.correction_rate 12 % previous exact ref=2022", "review.correction_rate 10 % level exact"}},
		{"降幅为", "行政复议纠错率同比降幅为5%。", []string{"review.correction_rate -5 % change exact"}},
		{"增幅达", "行政复议申请数量同比增幅达20%。", []string{"review.applications 20 % change exact"}},
		{"decisions need their own topic", "全年审结行政复议案件40件。对3起执法案件予以撤销,责令履行2件。", []string{
			"review.concluded 40 件 level exact"}},
		{"another exam", "组织新任领导干部任前法治考试,参考56人,通过56人。", nil},
		{"起 counts as 件", "全年调处矛盾纠纷3000起。", []string{"mediation.cases 3000 件 level exact"}},
		{"a year between trigger and values", "行政诉讼败诉率由2022年的10%下降到6%。", []string{
			"litigation.loss_rate 10 % previous exact ref=2022", "litigation.loss_rate 6 % level exact"}},
		{"连续三年", "行政机关负责人出庭应诉率连续三年保持100%。", []string{"litigation.head_appearance_rate 100 % level exact"}},

		{"thousands comma inside a clause", "组织执法资格考试,1,200人报名,1,100人合格。", []string{
			"enforcement.exam_takers 1200 人 level exact", "enforcement.exam_passed 1100 人 level exact"}},

		// Things that look like figures and are not.
		{"negation", "共受理行政复议案件30件,未审结2件。", []string{"review.accepted 30 件 level exact"}},
		{"count before a noun", "对3件行政诉讼案件进行监督纠错。", nil},
		{"a refused trigger is no link word", "全年办理法律援助案件300件,审结280件。", []string{
			"legal_aid.cases 300 件 level exact"}},
		{"a clause of link words only belongs to the figure before", "全年受理行政复议申请40件,审结38件,纠错率同比下降3个百分点,为7.89%。", []string{
			"review.applications 40 件 level exact", "review.concluded 38 件 level exact",
			"review.correction_rate -3 个百分点 change exact", "review.correction_rate 7.89 % level exact"}},
		{"other things between trigger and value", "受理并成功调处刑事和解案件15件。", nil},
		{"rate named with another base", "调解率100%,群众满意率99%。", nil},
		{"review words without review topic", "全年办结人大代表建议131件。", nil},
		{"document counts of others", "清理规范性文件88件,其中废止9件。", nil},
		{"document counts issued", "全年印发行政规范性文件17件,其中涉企文件5件。", []string{"docs.issued 17 件 level exact"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, r := range extractBody(t, tc.text) {
				got = append(got, brief(r))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("%s\n got:\n  %s\nwant:\n  %s", tc.text, strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
		})
	}
}
