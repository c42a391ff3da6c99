package number

// tail is what follows a numeral: approximation marks, a multiplier and a
// unit, as in "120余件", "225.81万件", "300余万元", "审查 303 件次".
type tail struct {
	end    int    // end of the last part read (the numeral's end when none)
	shift  int    // power of ten from the multiplier (万 4, 亿 8) and 成 (1)
	unit   string // Number.Unit
	approx bool   // 余 or 多 was read
}

// readTail reads the tail of a numeral ending at p. Spaces may stand
// between the numeral and its tail; they count only when a part follows.
func (s *scanner) readTail(p int) tail {
	t := tail{end: p}
	q := s.skipSpaces(p)
	if s.isApproxMark(q) {
		q++
		t.approx, t.end = true, q
	}
	if k, n := s.multiplierAt(q); n > 0 {
		q += n
		t.shift, t.end = k, q
		if !t.approx && s.isApproxMark(q) {
			q++
			t.approx, t.end = true, q
		}
	}
	q = s.skipSpaces(q)
	if u, n := s.unitAt(q); n > 0 {
		t.unit, t.end = u.unit, q+n
		t.shift += u.shift
	}
	return t
}

// multiplierAt reads 万, 亿 or 万亿, optionally after 十, 百 or 千 (千万,
// 百亿), or a bare 百 or 千 (3千人; not the 百 of 百分点). It returns the
// power of ten and the number of characters read.
func (s *scanner) multiplierAt(q int) (int, int) {
	k, n := 0, 0
	if p := cnPower(s.at(q)); p >= 1 && p <= 3 {
		k, n = p, 1
	}
	switch {
	case s.at(q+n) == '万' && s.at(q+n+1) == '亿':
		return k + 12, n + 2
	case s.at(q+n) == '万':
		return k + 4, n + 1
	case s.at(q+n) == '亿':
		return k + 8, n + 1
	case k >= 2 && s.at(q+1) != '分':
		return k, n
	}
	return 0, 0
}

// unitWord is a unit as written and what it means.
type unitWord struct {
	word  []rune // as written
	unit  string // Number.Unit
	shift int    // power of ten it applies: 成 is tenths
	not   string // characters after it that make it part of another word
}

// unitWords, longest first within each first character so that the first
// match is the longest.
var unitWords = []unitWord{
	{word: []rune("个百分点"), unit: "个百分点"},
	{word: []rune("百分点"), unit: "个百分点"},
	{word: []rune("%"), unit: "%"},
	{word: []rune("‰"), unit: "‰"},
	{word: []rune("成"), unit: "%", shift: 1, not: "员本果立为效绩功熟都品不交型年长就"},
	{word: []rune("个工作日"), unit: "个工作日"},
	{word: []rune("个小时"), unit: "个小时"},
	{word: []rune("个月"), unit: "个月"},
	{word: []rune("工作日"), unit: "工作日"},
	{word: []rune("学时"), unit: "学时"},
	{word: []rune("课时"), unit: "课时"},
	{word: []rune("件次"), unit: "件次"},
	{word: []rune("人次"), unit: "人次"},
	{word: []rune("户次"), unit: "户次"},
	{word: []rune("家次"), unit: "家次"},
	{word: []rune("场次"), unit: "场次"},
	{word: []rune("批次"), unit: "批次"},
	{word: []rune("小时"), unit: "小时"},
	{word: []rune("分钟"), unit: "分钟"},
	{word: []rune("季度"), unit: "季度"},
	{word: []rune("周年"), unit: "周年"},
	{word: []rune("公里"), unit: "公里"},
	{word: []rune("件"), unit: "件"},
	{word: []rune("人"), unit: "人", not: "民"},
	{word: []rune("名"), unit: "名", not: "单称义额录"},
	{word: []rune("次"), unit: "次"},
	{word: []rune("个"), unit: "个"},
	{word: []rune("项"), unit: "项", not: "目"},
	{word: []rune("元"), unit: "元"},
	{word: []rune("户"), unit: "户", not: "籍口"},
	{word: []rune("家"), unit: "家", not: "庭属"},
	{word: []rune("起"), unit: "起", not: "草诉"},
	{word: []rune("宗"), unit: "宗"},
	{word: []rune("份"), unit: "份"},
	{word: []rune("条"), unit: "条", not: "例件"},
	{word: []rune("部"), unit: "部", not: "分门署长委级"},
	{word: []rune("场"), unit: "场", not: "所"},
	{word: []rune("期"), unit: "期", not: "间限"},
	{word: []rune("批"), unit: "批", not: "准复示评"},
	{word: []rune("年"), unit: "年"},
	{word: []rune("月"), unit: "月"},
	{word: []rune("日"), unit: "日"},
	{word: []rune("天"), unit: "天"},
	{word: []rune("周"), unit: "周"},
	{word: []rune("倍"), unit: "倍"},
	{word: []rune("篇"), unit: "篇"},
	{word: []rune("所"), unit: "所", not: "有以在属"},
	{word: []rune("座"), unit: "座"},
	{word: []rune("处"), unit: "处", not: "理罚置分"},
	{word: []rune("类"), unit: "类"},
	{word: []rune("种"), unit: "种"},
	{word: []rune("位"), unit: "位", not: "于置"},
	{word: []rune("套"), unit: "套"},
	{word: []rune("台"), unit: "台", not: "账阶"},
	{word: []rune("辆"), unit: "辆"},
	{word: []rune("支"), unit: "支", not: "持付出"},
	{word: []rune("岁"), unit: "岁"},
	{word: []rune("亩"), unit: "亩"},
	{word: []rune("册"), unit: "册"},
	{word: []rune("轮"), unit: "轮"},
}

// unitAt returns the unit written at q and its length in characters (0
// when there is none).
func (s *scanner) unitAt(q int) (unitWord, int) {
	for _, u := range unitWords {
		if !s.hasAt(q, u.word) {
			continue
		}
		n := len(u.word)
		if containsRune(u.not, s.at(q+n)) {
			return unitWord{}, 0
		}
		return u, n
	}
	return unitWord{}, 0
}

func containsRune(set string, r rune) bool {
	for _, c := range set {
		if c == r {
			return true
		}
	}
	return false
}

// qualWord is a word that qualifies a figure next to it.
type qualWord struct {
	word []rune
	q    Qualifier
	not  string // characters next to it (before a leading word, after a trailing one) that make it part of another word
}

// leadingQualifiers stand just before a numeral; longest first.
var leadingQualifiers = []qualWord{
	{word: []rune("不超过"), q: Upper},
	{word: []rune("不低于"), q: Lower},
	{word: []rune("不少于"), q: Lower},
	{word: []rune("超过"), q: Lower},
	{word: []rune("超出"), q: Lower},
	{word: []rune("高于"), q: Lower},
	{word: []rune("多于"), q: Lower},
	{word: []rune("至少"), q: Lower},
	{word: []rune("不到"), q: Upper},
	{word: []rune("不足"), q: Upper},
	{word: []rune("低于"), q: Upper},
	{word: []rune("少于"), q: Upper},
	{word: []rune("未满"), q: Upper},
	{word: []rune("约为"), q: Approx},
	{word: []rune("约计"), q: Approx},
	{word: []rune("大约"), q: Approx},
	{word: []rune("将近"), q: Approx},
	{word: []rune("接近"), q: Approx},
	{word: []rune("约"), q: Approx, not: "节制签契公条违预履践"},
	{word: []rune("近"), q: Approx, not: "最附临亲靠"},
	{word: []rune("逾"), q: Lower},
	{word: []rune("超"), q: Lower, not: "赶"},
}

// trailingQualifiers stand just after a numeral's unit.
var trailingQualifiers = []qualWord{
	{word: []rune("左右"), q: Approx},
	{word: []rune("上下"), q: Approx, not: "联级游同一贯协互通其班"}, // 上下联动
	{word: []rune("以上"), q: Lower},
	{word: []rune("之上"), q: Lower},
	{word: []rune("以下"), q: Upper},
	{word: []rune("以内"), q: Upper},
	{word: []rune("之内"), q: Upper},
}

// leadingQualifier finds a qualifier word ending just before start
// (spaces allowed between) and returns it and where it starts.
func (s *scanner) leadingQualifier(start int) (Qualifier, int, bool) {
	end := s.spacesBefore(start)
	for _, w := range leadingQualifiers {
		b, ok := s.hasBefore(end, w.word)
		if ok && !containsRune(w.not, s.at(b-1)) {
			return w.q, b, true
		}
	}
	return Exact, start, false
}

// trailingQualifier finds a qualifier word starting at end and returns it
// and where it ends.
func (s *scanner) trailingQualifier(end int) (Qualifier, int, bool) {
	for _, w := range trailingQualifiers {
		if !s.hasAt(end, w.word) {
			continue
		}
		e := end + len(w.word)
		if containsRune(w.not, s.at(e)) {
			continue
		}
		return w.q, e, true
	}
	return Exact, end, false
}
