/**
 * How each demo category behaves in the generated case history: how often it
 * comes up (and in which months), the matters residents bring (what they say,
 * where it happens, how staff settle it), and for disputes the parties and the
 * mediation record.
 *
 * Text templates take slots filled per case (see `fill` in case-history.ts):
 * {b} building, {u} unit, {f} floor, {r} room, {up} the room above, {down} the
 * room below, {place} the case's place, {compound} compound name, {hour} a
 * night-time hour, {days} a vague number of days, {age} an older person's age,
 * {plate} a number plate, {amount} a sum of money, {kin} a relative, {months} a
 * number of months, {company} a company, {zone} a car-park zone.
 */

/** A place template in Chinese and English. */
export type PlaceTemplate = readonly [zh: string, en: string];

/** One kind of matter within a category, with what follows from it. */
export interface Matter {
  /** What the resident says (staff write it down for walk-ins and calls). */
  zh: string;
  /** The resident's words in English, for foreign residents in the app. Only matters with it are raised by foreign residents. */
  en?: string;
  /** How staff settled it (one is picked). Every matter of a non-dispute category has some. */
  fixes?: readonly string[];
  /** Where it happens, when it differs from the category's places. */
  places?: readonly PlaceTemplate[];
  /** Disputes: the agreement reached when mediation succeeds. */
  agreement?: string;
  /** Disputes: roles of the one who came and of the other party, and whether that party is a person or an organisation. */
  parties?: readonly [string, string, 'person' | 'company'];
}

export interface CategoryProfile {
  /** Relative frequency in an ordinary community. */
  weight: number;
  /** Multipliers January … December; omitted = flat. */
  season?: readonly number[];
  /** Weight multipliers in 和睦路社区 (the international compound) and elsewhere. */
  hemulu?: number;
  elsewhere?: number;
  /** Only foreign residents (or foreign walk-ins) raise it; all its matters have English. */
  foreignOnly?: boolean;
  matters: readonly Matter[];
  /** Places of public-area matters; omitted = no place recorded. */
  places?: readonly PlaceTemplate[];
  /** Chance that staff must wait for the resident (documents, access) at some point. */
  waitResident: number;
  /** What staff note when the case waits for the resident, and when it resumes. */
  waits?: readonly (readonly [wait: string, resume: string])[];
  /** Chance a desk or phone case is settled in the same visit (accepted → resolved). */
  onTheSpot?: number;
  /** Raised by grid workers on patrol; relative to the kind's patrol weight. */
  patrol?: number;
  /** Raised at the Happiness Council; relative weight. */
  council?: number;
}

const RAINY = [0.8, 0.8, 0.9, 1, 1.3, 1.5, 1.4, 1.2, 1.1, 0.9, 0.8, 0.8] as const;

// Places, Chinese and English.
const STAIRWELL: PlaceTemplate = [
  '{b}栋{u}单元楼道',
  'the stairwell of building {b}, entrance {u}',
];
const LANDING: PlaceTemplate = ['{b}栋{u}单元{f}楼楼道', 'floor {f} of building {b}, entrance {u}'];
const FIRE_STAIRS: PlaceTemplate = [
  '{b}栋{u}单元消防楼梯',
  'the fire stairs of building {b}, entrance {u}',
];
const CAR_PARK: PlaceTemplate = ['地下车库{zone}区', 'zone {zone} of the underground car park'];
const CAR_PARK_LANE: PlaceTemplate = [
  '地下车库{zone}区通道',
  'the driveway of car-park zone {zone}',
];
const BIN_POINT: PlaceTemplate = ['{b}栋旁垃圾投放点', 'the bin point next to building {b}'];
const RUBBISH_STATION: PlaceTemplate = ['小区东门垃圾站', 'the rubbish station by the east gate'];
const BACK_LOT: PlaceTemplate = ['{b}栋后面的空地', 'the empty lot behind building {b}'];
const FIRE_LANE: PlaceTemplate = ['{b}栋旁消防通道', 'the fire lane next to building {b}'];
const EAST_GATE: PlaceTemplate = ['小区东门出入口', 'the east gate'];
const BUILDING_DOOR: PlaceTemplate = ['{b}栋单元门口', 'the entrance of building {b}'];
const MAIN_ROAD: PlaceTemplate = ['小区主干道', 'the main road of the compound'];
const FOOTPATH: PlaceTemplate = ['{b}栋楼下人行道', 'the footpath below building {b}'];
const PLANTING: PlaceTemplate = ['{b}栋楼下绿化带', 'the planting strip below building {b}'];
const GARDEN: PlaceTemplate = ['小区中心花园', 'the central garden'];
const BANYAN: PlaceTemplate = ['{b}栋旁的黄葛树', 'the banyan tree next to building {b}'];
const PLAYGROUND: PlaceTemplate = ['儿童游乐区', 'the children’s playground'];
const FITNESS: PlaceTemplate = ['小区健身广场', 'the fitness square'];
const LIFT: PlaceTemplate = ['{b}栋{u}单元电梯', 'the lift of building {b}, entrance {u}'];
const LIFT_2: PlaceTemplate = ['{b}栋{u}单元2号电梯', 'lift 2 of building {b}, entrance {u}'];
const LIFT_LOBBY: PlaceTemplate = [
  '{b}栋{u}单元电梯前室',
  'the lift lobby of building {b}, entrance {u}',
];
const PIPE_SHAFT: PlaceTemplate = [
  '{b}栋{u}单元{f}楼管道井',
  'the pipe shaft on floor {f}, building {b}, entrance {u}',
];
const DRAINPIPE: PlaceTemplate = [
  '{b}栋外墙雨水管',
  'the drainpipe on the outside wall of building {b}',
];
const OUTSIDE_WALL: PlaceTemplate = ['{b}栋外墙', 'the outside wall of building {b}'];
const ENTRY_DOOR: PlaceTemplate = ['{b}栋单元门禁', 'the entry door of building {b}'];
const BARRIER: PlaceTemplate = ['小区东门道闸', 'the barrier at the east gate'];
const LETTERBOXES: PlaceTemplate = ['{b}栋信报箱', 'the letterboxes of building {b}'];

export const CATEGORY_PROFILES: Readonly<Record<string, CategoryProfile>> = {
  // ── affairs ──
  residence_permit: {
    weight: 5,
    matters: [
      {
        zh: '在{compound}租房快一年了，想办居住证，孩子明年要上学。今天带了身份证和租房合同过来。',
        fixes: [
          '材料齐全，已完成居住登记信息核验并报送派出所，制证后短信通知领取。',
          '已受理居住证申请并报送派出所，居民已领取新证。',
        ],
      },
      { zh: '我的居住证下个月到期，申请签注续期。', fixes: ['已办理居住证签注，有效期延长一年。'] },
      {
        zh: '申请办理居住证，房东是{b}栋{r}的业主，已提供房产证复印件。',
        fixes: ['已核验租赁信息并受理申请，报送派出所制证，居民已领取。'],
      },
      {
        zh: '刚换了工作搬到{compound}{b}栋，居住证上的地址要变更。',
        fixes: ['已办理居住登记地址变更，并报派出所更新居住证信息。'],
      },
    ],
    waitResident: 0.2,
    waits: [
      ['租赁合同未备案，请居民补充房东身份证复印件。', '居民已补交房东身份证复印件，继续办理。'],
      ['缺少就业证明，请补交劳动合同或社保缴费记录。', '居民已补交劳动合同，继续办理。'],
    ],
  },
  elderly_allowance: {
    weight: 4.5,
    matters: [
      {
        zh: '我父亲今年{age}岁了，想给他申请高龄津贴，他腿脚不方便来不了，我代办。',
        fixes: [
          '已收齐老人身份证、户口簿和社保卡复印件，社区初审通过并报街道，审核通过后次月起发放。',
        ],
      },
      {
        zh: '老人满80岁了，听说可以领高龄津贴，请问怎么申请？',
        fixes: ['已讲解申请条件并受理申请，初审通过后报街道，审核通过后次月起按月发放。'],
      },
      {
        zh: '母亲{age}岁，高龄津贴已经{months}个月没有到账了，麻烦帮忙查一下。',
        fixes: [
          '经与街道核实，因老人社保卡金融功能未激活导致未到账，已协助激活，津贴已补发到账。',
          '经核实为发放账户变更未同步，已更新发放账户，下月一并补发。',
        ],
      },
      {
        zh: '{b}栋{r}的独居老人，{age}岁，网格员入户时提出申请高龄津贴。',
        fixes: ['网格员已上门采集信息，申请已报街道审核通过，下月起按月发放。'],
      },
    ],
    waitResident: 0.15,
    waits: [
      [
        '老人社保卡金融账户未激活，请家属带卡到银行激活后告知。',
        '家属已激活社保卡金融账户，继续办理。',
      ],
      ['缺少户口簿原件，请下次带来核验。', '居民已带户口簿原件核验，继续办理。'],
    ],
    patrol: 0.6,
  },
  medical_insurance: {
    weight: 6,
    season: [0.6, 0.4, 0.5, 0.5, 0.5, 0.5, 0.6, 0.7, 2.2, 2.6, 2.8, 2.4],
    matters: [
      {
        zh: '给刚出生的孩子办城乡居民医保，需要什么材料？',
        fixes: ['已办理新生儿参保登记，医保待遇自出生之日起享受。'],
      },
      {
        zh: '想给家里老人续交明年的城乡居民医保，手机上不会操作，麻烦帮忙。',
        fixes: ['已在“渝快办”上为老人完成明年医保缴费，并教会家属操作。'],
      },
      {
        zh: '我是灵活就业，想从城乡居民医保转成职工医保，问问怎么办。',
        fixes: ['已讲解转保流程，协助办理城乡居民医保停保，并完成职工医保参保登记。'],
      },
      {
        zh: '帮{kin}办理城乡居民医保参保登记，之前在老家参保的。',
        fixes: ['已确认原参保地停保，并在本地完成参保登记和缴费。'],
      },
    ],
    waitResident: 0.1,
    waits: [['原参保地尚未停保，请居民联系老家医保部门办理停保。', '原参保地已停保，继续办理。']],
    onTheSpot: 0.3,
  },
  subsistence_allowance: {
    weight: 2.5,
    matters: [
      {
        zh: '家里{kin}生病住院，我也没有工作了，家里实在困难，想申请低保。',
        fixes: ['已受理低保申请，完成入户调查和家庭经济状况核对，报街道审核；公示后已批准。'],
      },
      {
        zh: '丈夫去年去世，我一个人带着孩子，没有固定收入，申请低保。',
        fixes: ['低保申请已报街道审批通过，同步办理医疗救助和城乡居民医保个人缴费资助。'],
      },
      {
        zh: '{b}栋{r}住户，本人残疾无业，申请低保。',
        fixes: [
          '已完成入户调查并报街道，经审核家庭收入超过低保标准，未予批准；已告知并协助申请临时救助。',
          '已受理并报街道审批通过，同步申请困难残疾人生活补贴。',
        ],
      },
    ],
    waitResident: 0.35,
    waits: [
      ['请补充全体家庭成员的收入证明和病历资料。', '居民已补齐收入证明和病历资料，继续办理。'],
      ['缺少家庭经济状况核对授权书签字，请所有成年家庭成员签字。', '授权书已签字交回，继续办理。'],
    ],
  },
  disability_card: {
    weight: 2,
    matters: [
      {
        zh: '孩子听力有问题，医生建议办残疾人证，申请首次办理。',
        fixes: ['已受理并报区残联，预约了残疾评定；评定通过后已制证，居民已领证。'],
      },
      { zh: '我的残疾人证快到期了，申请换领。', fixes: ['已办理残疾人证换领，新证已发放。'] },
      {
        zh: '{kin}中风后行动不便，想申请残疾人证和相关补贴。',
        fixes: ['已协助申请残疾评定，同步申请困难残疾人生活补贴和重度残疾人护理补贴。'],
      },
    ],
    waitResident: 0.25,
    waits: [['请补交近期二寸白底照片3张和医院病历资料。', '居民已补交照片和病历，继续办理。']],
  },
  senior_card: {
    weight: 4,
    matters: [
      {
        zh: '我今年刚满60岁，想办老年人优待证，坐公交能优惠吗？',
        fixes: ['已受理老年人优待证申请，证件已制好，居民已领取。'],
      },
      {
        zh: '老年人优待证丢了，申请补办。',
        fixes: ['已办理补证，并协助在“渝快办”申领电子优待证。'],
      },
      {
        zh: '帮{kin}办理老年人优待证，老人{age}岁。',
        fixes: ['已为老人办理优待证，家属已代为领取。'],
      },
    ],
    waitResident: 0.05,
  },
  only_child_certificate: {
    weight: 2,
    matters: [
      {
        zh: '我快退休了，单位要独生子女证明办理退休奖励，麻烦开一份。',
        fixes: ['已核实并出具独生子女证明，经街道盖章后居民已领取。'],
      },
      {
        zh: '{kin}住院需要陪护，单位批护理假要独生子女证明。',
        fixes: ['已核实独生子女情况并开具证明，居民已领取。'],
      },
      {
        zh: '申请开具独生子女证明，孩子户口不在本社区。',
        fixes: ['已函询孩子户籍地核实信息后出具证明，居民已领取。'],
      },
    ],
    waitResident: 0.15,
    waits: [['请补交子女的出生医学证明复印件。', '居民已补交出生医学证明，继续办理。']],
  },
  residence_proof: {
    weight: 6,
    matters: [
      {
        zh: '孩子上学需要居住证明，我们住在{compound}{b}栋{r}。',
        fixes: ['已核实居住情况，出具居住证明（用于子女入学）。'],
      },
      { zh: '办银行业务需要社区开具居住证明。', fixes: ['已核实身份和住址，出具居住证明。'] },
      {
        zh: '申请开具居住证明，用于办理社保关系转移。',
        fixes: ['已出具居住证明，居民已领取。'],
      },
      {
        zh: '需要一份实际居住证明，租住在{b}栋{u}单元。',
        fixes: ['网格员已上门核实居住情况，居住证明已开具。'],
      },
    ],
    waitResident: 0.05,
    onTheSpot: 0.6,
  },
  home_care: {
    weight: 3,
    matters: [
      {
        zh: '{kin}{age}岁了，一个人在家，想申请社区的助餐服务。',
        fixes: ['社工已上门评估，老人已纳入助餐服务名单，每天中午送餐上门。'],
      },
      {
        zh: '老人卧床，想了解上门助浴和探访服务怎么申请。',
        fixes: ['已评估并安排每周两次上门探访和每月一次助浴服务。'],
      },
      {
        zh: '{b}栋{r}的老人独居，子女在外地，申请居家养老上门服务。',
        fixes: ['已纳入特殊困难老人探访关爱名单，网格员每周上门一次。'],
      },
    ],
    waitResident: 0.1,
    waits: [
      [
        '约定的上门评估时间家中无人，待家属确认新的时间。',
        '已与家属重新约定上门评估时间，继续办理。',
      ],
    ],
  },
  foreigner_registration: {
    weight: 1,
    hemulu: 8,
    elsewhere: 0.03,
    foreignOnly: true,
    matters: [
      {
        zh: '外籍住户新入住{compound}{b}栋{r}，办理境外人员住宿登记。',
        en: 'I just moved into building {b}, flat {r}. I need to do the accommodation registration. My landlord can come tomorrow evening.',
        fixes: ['已核验护照、签证和租赁合同，办结住宿登记，出具住宿登记表。'],
      },
      {
        zh: '外籍住户签证延期后搬到{compound}新住址，办理住宿登记变更。',
        en: 'My visa was renewed and I moved to a new flat in {compound}. Do I need to register again?',
        fixes: ['已办理住宿登记变更，并提醒居民签证到期前30日内申请延期。'],
      },
      {
        zh: '外籍住户的父母来探亲两周，住在家中，办理临时住宿登记。',
        en: 'My parents are visiting from abroad for two weeks and staying with us. How do we register them?',
        fixes: ['已为来访亲属办理临时住宿登记。'],
      },
    ],
    waitResident: 0.15,
    waits: [['房东未到场，请提供房东身份证复印件。', '已收到房东身份证复印件，继续办理。']],
    onTheSpot: 0.5,
  },

  // ── inquiries ──
  social_insurance_question: {
    weight: 6,
    matters: [
      {
        zh: '我辞职了，社保断缴几个月会有什么影响？自己怎么续交？',
        fixes: ['已解答断缴影响和灵活就业参保政策，并协助在“重庆人社”APP完成参保登记。'],
      },
      {
        zh: '养老金领取资格认证在手机上总是刷脸失败，怎么办？',
        fixes: ['已协助老人在百通岗完成养老金领取资格认证。'],
      },
      {
        zh: '外地交的养老保险能不能转到重庆来？',
        fixes: ['已解答养老保险关系转移接续政策，告知在新参保地申请转入即可。'],
      },
      {
        zh: '退休后医保要交满多少年才能享受退休待遇？',
        fixes: ['已说明职工医保缴费年限要求（男满25年、女满20年），并告知查询本人缴费年限的方法。'],
      },
      {
        zh: '外籍居民咨询在华工作是否需要参加社会保险。',
        en: 'Do foreigners working in Chongqing have to join the social insurance? My employer says it is compulsory.',
        fixes: ['已说明在华就业的外国人应依法参加社会保险，并告知缴费和离境时的处理办法。'],
      },
    ],
    waitResident: 0.02,
    onTheSpot: 0.7,
  },
  employment_question: {
    weight: 4,
    season: [1, 1.6, 1.5, 1.1, 1, 1.2, 1.3, 1, 0.9, 0.9, 0.9, 0.9],
    matters: [
      {
        zh: '刚毕业还没找到工作，社区有没有招聘信息？',
        fixes: ['已登记求职意向，推荐了辖区3家企业的招聘岗位。'],
      },
      {
        zh: '失业了想办失业登记，能领失业金吗？',
        fixes: ['已办理失业登记，告知失业保险金申领条件和渠道。'],
      },
      {
        zh: '想在小区门口开个早餐店，创业贷款怎么申请？',
        fixes: ['已讲解创业担保贷款政策，出具社区推荐意见。'],
      },
      {
        zh: '有没有免费的技能培训？想学育婴师。',
        fixes: ['已报名区就业中心的育婴员免费培训班，开班后通知。'],
      },
    ],
    waitResident: 0.02,
    onTheSpot: 0.6,
  },
  visa_question: {
    weight: 1,
    hemulu: 12,
    elsewhere: 0.06,
    foreignOnly: true,
    matters: [
      {
        zh: '外籍居民咨询工作类居留许可延期需要的材料和办理时间。',
        en: 'My work residence permit expires next month. What documents do I need to extend it, and can I do the interview by video?',
        fixes: ['已提供居留许可延期材料清单，预约了移民事务服务站视频面谈。'],
      },
      {
        zh: '外籍居民的妻子和女儿想来重庆团聚，咨询团聚类签证。',
        en: 'My wife and daughter want to join me in Chongqing. Which visa should they apply for?',
        fixes: ['已说明团聚类签证的申请条件和材料，志愿者提供英语翻译。'],
      },
      {
        zh: '外籍居民更换工作单位，咨询居留许可变更手续。',
        en: 'I am changing employers. Do I need a new residence permit, and can I keep working in the meantime?',
        fixes: ['已解答变更工作单位后居留许可的办理流程，提醒10日内办理变更。'],
      },
      {
        zh: '外籍居民护照遗失，咨询居留许可补办。',
        en: 'I lost my passport. What should I do about my residence permit?',
        fixes: ['已协助报失并联系其国家驻华领事机构补办护照，告知补办居留许可的流程。'],
      },
    ],
    waitResident: 0.05,
    onTheSpot: 0.5,
  },
  school_enrolment_question: {
    weight: 4,
    season: [0.4, 0.4, 1.2, 2.5, 2.8, 2.2, 1.8, 1.2, 0.8, 0.4, 0.4, 0.4],
    matters: [
      {
        zh: '孩子今年9月上小学，我们住{compound}，对口哪所学校？',
        fixes: ['已告知今年的学区划片情况和网上登记时间，提醒提前准备房产证和户口簿。'],
      },
      {
        zh: '我们是随迁子女，没有重庆户口，孩子上小学要准备什么？',
        fixes: ['已讲解随迁子女入学政策，告知需父母一方居住证和社保缴费证明，可开具居住证明。'],
      },
      {
        zh: '孩子想转学到附近的学校，需要什么手续？',
        fixes: ['已说明转学办理流程，需先向转入学校申请并经区教育局审批。'],
      },
      {
        zh: '幼儿园入园报名什么时候开始？',
        fixes: ['已告知辖区幼儿园报名时间和登记方式。'],
      },
      {
        zh: '外籍居民咨询孩子能否就读附近公办小学。',
        en: 'Our son is 6. Can a foreign child go to the local primary school, and what do we need?',
        fixes: ['已告知外籍儿童入学的申请渠道和所需材料。'],
      },
      {
        zh: '外籍居民咨询{compound}附近的国际学校。',
        en: 'Which international schools are near {compound}? How do we apply?',
        fixes: ['已提供附近国际学校的联系方式和申请流程。'],
      },
    ],
    waitResident: 0.02,
    onTheSpot: 0.6,
  },
  public_housing_question: {
    weight: 3,
    matters: [
      {
        zh: '我在这边上班，一个人租房，能不能申请公租房？',
        fixes: ['已讲解公租房申请条件，协助在线提交申请。'],
      },
      {
        zh: '公租房摇号结果在哪里查？',
        fixes: ['已告知摇号结果查询方式，并帮助查询到配租结果。'],
      },
      {
        zh: '住了几年公租房了，合同到期怎么续租？',
        fixes: ['已说明续租需在合同期满前3个月申请，协助预约办理。'],
      },
    ],
    waitResident: 0.02,
    onTheSpot: 0.5,
  },
  legal_question: {
    weight: 3,
    matters: [
      {
        zh: '买的房子开发商迟迟不办房产证，该怎么维权？',
        fixes: ['社区法律顾问已电话回复，讲解了维权途径和证据准备。'],
      },
      {
        zh: '网购被骗了一千多块，能追回来吗？',
        fixes: ['已建议立即报警并保存聊天和转账记录，协助联系反诈中心。'],
      },
      {
        zh: '父母的房子想过户给我，遗嘱和赠与哪个好？',
        fixes: ['法律顾问已解答赠与与继承的税费差异和办理流程。'],
      },
      {
        zh: '房东不退押金，我该怎么办？',
        en: 'My landlord is keeping my deposit although I left the flat clean. What can I do?',
        fixes: ['已告知可先协商，协商不成可申请人民调解或向法院起诉，法律顾问已电话指导。'],
      },
      {
        zh: '外籍居民咨询如何订立在中国有效的遗嘱。',
        en: 'I need a will that is valid in China. Can the community lawyer help?',
        fixes: ['法律顾问已解答遗嘱的形式要求，并推荐公证处办理遗嘱公证。'],
      },
    ],
    waitResident: 0.03,
  },
  service_guide_question: {
    weight: 4,
    matters: [
      {
        zh: '身份证丢了去哪里补办？',
        fixes: ['已告知到派出所户籍窗口或通过“渝快办”预约补办，并说明所需材料。'],
      },
      {
        zh: '不动产登记在哪里办？要带什么？',
        fixes: ['已指引到两江新区政务服务中心不动产登记窗口，并告知所需材料。'],
      },
      {
        zh: '想给孩子办护照，在哪个窗口？',
        fixes: ['已告知出入境接待大厅地址和网上预约方式。'],
      },
      {
        zh: '社区有没有打印复印的地方？',
        fixes: ['已告知党群服务中心自助打印机的位置和使用方法。'],
      },
      {
        zh: '外籍居民咨询文件翻译公证的办理地点。',
        en: 'Where can I get a document translated and notarised?',
        fixes: ['已告知附近公证处地址和预约电话，志愿者可陪同翻译。'],
      },
      {
        zh: '外籍居民咨询驾驶证换证地点。',
        en: 'Where is the nearest place to renew my driver’s licence?',
        fixes: ['已告知车管所地址和办理所需材料。'],
      },
    ],
    waitResident: 0,
    onTheSpot: 0.8,
  },

  // ── concerns ──
  stair_light: {
    weight: 3.5,
    places: [STAIRWELL, LANDING, FIRE_STAIRS, CAR_PARK],
    matters: [
      {
        zh: '{place}的灯坏了{days}了，晚上上下楼黑黢黢的，老人小孩都不安全。',
        en: 'The light at {place} has been broken for {days}. It is completely dark at night.',
        fixes: [
          '物业已更换{place}的灯具，网格员现场确认已恢复照明。',
          '线路老化，物业已重新布线并更换LED灯。',
        ],
      },
      {
        zh: '{place}的声控灯不亮，跺脚也没反应。',
        fixes: ['已更换声控开关，灯已正常亮起。'],
      },
      {
        zh: '{place}的灯一直闪，麻烦找人修一下。',
        fixes: ['物业已更换灯管和镇流器，灯已正常。'],
      },
    ],
    waitResident: 0,
    patrol: 1,
  },
  noise: {
    weight: 4,
    season: [0.8, 0.7, 0.9, 1, 1.1, 1.3, 1.5, 1.5, 1.1, 1, 0.9, 0.8],
    matters: [
      {
        zh: '楼上{up}每天晚上{hour}还在拖椅子、走路很重，严重影响休息。',
        en: 'The neighbours above us (flat {up}) are very loud after {hour} almost every night. Can someone talk to them?',
        fixes: ['网格员已上门与楼上住户沟通，对方表示会铺设地垫、注意夜间动静。'],
      },
      {
        zh: '{b}栋有住户装修，周末一大早就开始电钻，能不能管一管？',
        en: 'Renovation drilling starts at 7 a.m. on Sundays in building {b}. Is that allowed?',
        fixes: ['已通知物业督促装修户遵守施工时间，违规施工已停止。'],
      },
      {
        zh: '小区广场舞音响声音太大，晚上九点多还没停。',
        fixes: ['已与广场舞队负责人约定音量和结束时间，现场测试音量达标。'],
      },
      {
        zh: '楼下商铺的空调外机噪音很大，晚上睡不着。',
        fixes: ['已协调商铺更换减震垫并调整外机位置，噪音明显降低。'],
      },
    ],
    waitResident: 0.03,
    patrol: 0.3,
  },
  garbage: {
    weight: 3.5,
    season: [1.2, 1.3, 1, 1, 1, 1.1, 1.2, 1.2, 1, 1.1, 1, 1],
    places: [BIN_POINT, RUBBISH_STATION, BACK_LOT, CAR_PARK],
    matters: [
      {
        zh: '{place}的垃圾已经{days}没人清运了，天气热味道很大。',
        en: 'The rubbish at {place} has not been collected for {days}. It smells terrible.',
        fixes: ['物业已清运{place}的垃圾并消杀，增加了清运频次。'],
      },
      {
        zh: '有人在{place}乱扔装修垃圾，堆了一大堆。',
        fixes: ['装修垃圾已清运，已找到装修户并要求其预约清运，物业加强巡查。'],
      },
      {
        zh: '{place}的垃圾桶满了溢出来，招了很多苍蝇。',
        places: [BIN_POINT, RUBBISH_STATION],
        fixes: ['已增设一组分类垃圾桶，并安排保洁每天两次清运。'],
      },
    ],
    waitResident: 0,
    patrol: 1.2,
    council: 1,
  },
  parking: {
    weight: 3,
    places: [FIRE_LANE, EAST_GATE, BUILDING_DOOR, MAIN_ROAD, CAR_PARK_LANE],
    matters: [
      {
        zh: '{place}长期被一辆车牌{plate}的车占着，消防车都进不来。',
        en: 'A car ({plate}) has been blocking {place} for days.',
        places: [FIRE_LANE, MAIN_ROAD, CAR_PARK_LANE],
        fixes: [
          '物业已联系车主挪车，并在{place}施划禁停标线。',
          '已联系交巡警对占用消防通道的车辆依法处理，通道已畅通。',
        ],
      },
      {
        zh: '{place}天天有车乱停，早上送孩子出门车都开不出去。',
        fixes: ['已在{place}设置禁停标识，物业早高峰安排专人疏导，乱停现象已改善。'],
      },
      {
        zh: '有人在{place}停放电动车，挡住了通道。',
        fixes: ['已清理通道内乱停的电动车，并在{place}安装隔离桩。'],
      },
    ],
    waitResident: 0,
    patrol: 1.2,
    council: 0.6,
  },
  greenery: {
    weight: 2,
    season: [0.5, 0.6, 1.2, 1.5, 1.5, 1.3, 1.2, 1.1, 1, 0.9, 0.7, 0.5],
    places: [PLANTING, GARDEN, BANYAN, PLAYGROUND],
    matters: [
      {
        zh: '{place}的树枝长得太密，挡住了{f}楼的阳光，还招蚊虫。',
        places: [PLANTING, BANYAN],
        fixes: ['物业绿化班组已修剪{place}的树枝。'],
      },
      {
        zh: '{place}的草坪被人种上了菜，能不能恢复？',
        places: [PLANTING, GARDEN],
        fixes: ['已劝导居民移除私种的蔬菜，物业已补种草坪。'],
      },
      {
        zh: '{place}有棵树歪了，刮风的时候怕倒下来砸到人。',
        places: [GARDEN, PLAYGROUND, PLANTING],
        fixes: ['已对倾斜的树木进行支撑加固，并修剪了树冠。'],
      },
    ],
    waitResident: 0,
    patrol: 0.6,
    council: 0.8,
  },
  elevator: {
    weight: 3,
    places: [LIFT, LIFT_2],
    matters: [
      {
        zh: '{place}坏了，停在{f}楼不动，{kin}腿脚不好上不了楼。',
        en: 'The lift at {place} is out of order. My neighbour on floor {f} cannot use the stairs.',
        fixes: ['电梯维保单位已到场检修，更换门机控制板，电梯恢复运行。'],
      },
      {
        zh: '{place}运行的时候有异响，还一顿一顿的，大家都不敢坐。',
        fixes: ['已检修并调整曳引机，异响消除，经试运行正常。'],
      },
      {
        zh: '{place}按钮失灵，门关不上。',
        fixes: ['已更换按钮面板和门锁装置，电梯恢复正常。'],
      },
    ],
    waitResident: 0,
    patrol: 0.4,
  },
  pipe_leak: {
    weight: 2.5,
    season: RAINY,
    places: [PIPE_SHAFT, CAR_PARK, STAIRWELL],
    matters: [
      {
        zh: '{place}在漏水，地上全是水，怕漏电。',
        en: 'Water is leaking at {place}. The floor is wet and slippery.',
        fixes: ['物业已关阀更换破损管段，现场已清理。'],
      },
      {
        zh: '{place}的水管爆了，水一直在往外冒。',
        places: [PIPE_SHAFT, CAR_PARK],
        fixes: ['物业已紧急关阀抢修，更换爆裂水管，现场已清理。'],
      },
      {
        zh: '下雨的时候{place}一直渗水，墙都泡黑了。',
        places: [DRAINPIPE, CAR_PARK],
        fixes: ['已疏通并更换雨水管，修补了渗水点，渗水问题已解决。'],
      },
    ],
    waitResident: 0.05,
    waits: [['需进入住户家中检查管道，等待住户约定时间。', '已与住户约定时间入户检查，继续办理。']],
    patrol: 0.8,
  },
  safety_hazard: {
    weight: 2.5,
    season: [1.4, 1.2, 1, 0.9, 1, 1.1, 1.2, 1.2, 1, 1, 1.1, 1.3],
    places: [STAIRWELL, LIFT_LOBBY],
    matters: [
      {
        zh: '有人在{place}给电动车充电，电线从窗户拉下来，太危险了。',
        en: 'Someone is charging an e-bike at {place} with a cable through the window. It looks dangerous.',
        places: [STAIRWELL, LIFT_LOBBY],
        fixes: ['网格员已现场劝导，电动车已移至集中充电区，飞线已拆除。'],
      },
      {
        zh: '{place}的瓷砖松动，已经掉下来几块了，下面经常有人走。',
        places: [OUTSIDE_WALL],
        fixes: ['已设置警戒区域，物业已安排高空作业清除松动瓷砖。'],
      },
      {
        zh: '{place}堆满了纸箱杂物，堵住了消防通道。',
        places: [STAIRWELL, CAR_PARK, LIFT_LOBBY],
        fixes: ['已清理{place}的杂物，消防通道恢复畅通。'],
      },
      {
        zh: '{place}的井盖破了一个洞，晚上看不见容易踩空。',
        places: [FOOTPATH, MAIN_ROAD],
        fixes: ['已更换破损井盖并设置警示标志。'],
      },
    ],
    waitResident: 0,
    patrol: 1.5,
    council: 0.3,
  },
  facility_damage: {
    weight: 2,
    places: [PLAYGROUND, FITNESS],
    matters: [
      {
        zh: '{place}的器材坏了，小孩玩的时候差点受伤。',
        places: [PLAYGROUND, FITNESS],
        fixes: ['损坏的器材已拆除并更换新器材。'],
      },
      {
        zh: '{place}坏了{days}了，进出很不方便。',
        places: [ENTRY_DOOR, BARRIER],
        fixes: ['物业已维修{place}，网格员现场确认正常。'],
      },
      {
        zh: '{place}的座椅断了一块木板。',
        places: [FITNESS, PLAYGROUND, GARDEN],
        fixes: ['物业已更换座椅木板。'],
      },
      {
        zh: '{place}的锁坏了，信件都被雨淋湿了。',
        places: [LETTERBOXES],
        fixes: ['物业已维修信报箱并加装防雨罩。'],
      },
    ],
    waitResident: 0,
    patrol: 0.8,
    council: 0.4,
  },
  dog_keeping: {
    weight: 2,
    matters: [
      {
        zh: '{b}栋有住户遛狗不牵绳，狗追着小孩跑，吓坏了。',
        fixes: ['网格员已上门劝导犬主，犬主承诺出门牵绳并及时清理粪便。'],
      },
      {
        zh: '小区草坪上到处是狗屎，没人清理。',
        fixes: ['已在草坪设置文明养犬提示牌和拾便袋，物业加强巡查。'],
      },
      {
        zh: '楼上{up}养的狗整夜叫，好几天没睡好。',
        fixes: ['已与犬主沟通，犬主已调整作息并加强看管，夜间犬吠明显减少。'],
      },
    ],
    waitResident: 0,
    patrol: 0.5,
  },
  suggestion: {
    weight: 3,
    matters: [
      {
        zh: '建议在{b}栋旁边的空地增设一个晾晒点，现在大家衣服没地方晒。',
        fixes: ['建议已提交幸福议事会讨论通过，已纳入本年度小区微更新项目。'],
      },
      {
        zh: '建议在小区增设电动车集中充电桩，免得有人飞线充电。',
        fixes: ['已与物业沟通，在小区新增两处电动车集中充电桩。'],
      },
      {
        zh: '小区老人多，建议在中心花园多放几张休息座椅。',
        fixes: ['已采纳，物业新增休息座椅6张。'],
      },
      {
        zh: '建议社区在暑假办一些青少年活动，孩子放假没地方去。',
        fixes: ['已联合社工站开设暑期青少年活动班，已通知居民报名。'],
      },
      {
        zh: '建议在小区门口增设一个快递柜。',
        fixes: ['已答复居民：经物业和业委会研究，拟在下季度实施。'],
      },
      {
        zh: '外籍居民建议社区在工作日晚上开设中文课。',
        en: 'Could the community offer Chinese lessons for foreign residents on weekday evenings?',
        fixes: ['已联系国际学生志愿服务队，每周二、四晚开设中文课。'],
      },
      {
        zh: '外籍居民建议{compound}的垃圾分类标识增加英文。',
        en: 'It would be great to have bilingual signs for garbage sorting in {compound}.',
        fixes: ['已在小区垃圾投放点更换中英双语分类标识。'],
      },
    ],
    waitResident: 0,
    council: 3,
  },

  // ── disputes ──
  neighbour_dispute: {
    weight: 2.5,
    matters: [
      {
        zh: '对门住户把鞋柜和杂物堆在公共过道，说了几次都不听，还吵了起来。',
        agreement: '被申请人三日内清理公共过道杂物，今后不再占用；双方互相谅解。',
      },
      {
        zh: '楼上{up}的空调冷凝水一直滴在我家阳台上，去沟通对方态度很差。',
        agreement: '被申请人加装冷凝水导管接入雨水管，不再滴落到申请人阳台。',
      },
      {
        zh: '{b}栋{r}的住户在公共区域私搭棚子，占了我们的车位。',
        agreement: '被申请人拆除私搭棚子，恢复公共区域原状，物业负责监督。',
      },
      {
        zh: '楼上孩子每天晚上跳绳，楼下老人受不了，双方已经吵了好几次。',
        parties: ['申请人（楼下住户）', '被申请人（楼上住户）', 'person'],
        agreement: '双方约定晚上九点后孩子不在室内跳绳，楼上铺设隔音垫。',
      },
    ],
    waitResident: 0.15,
    waits: [['另一方当事人出差，待其返回后约定调解时间。', '已与双方约定调解时间，继续办理。']],
    patrol: 1,
  },
  property_dispute: {
    weight: 2,
    matters: [
      {
        zh: '物业费涨了，但服务一点没变好，小区卫生很差，我们拒交，物业说要起诉。',
        agreement: '物业承诺整改小区卫生并每季度公示服务情况，业主补交物业费，物业撤回起诉。',
      },
      {
        zh: '物业擅自把小区公共区域改成收费停车位，收益去向不公开。',
        agreement: '物业公开公共区域停车收益账目，收益按规定纳入业主共有资金，由业委会监督使用。',
      },
      {
        zh: '家里被盗，物业的监控却说坏了，物业推卸责任。',
        agreement: '物业修复监控并加强夜间巡逻，对业主损失给予适当补偿。',
      },
      {
        zh: '物业停了我家的门禁卡，说是欠费，但我们对收费有异议。',
        agreement: '物业恢复门禁卡使用，双方核对收费明细后，业主按核定金额缴费。',
      },
    ],
    waitResident: 0.1,
    waits: [['等待物业提供公共收益账目后再组织协商。', '物业已提供账目，继续组织协商。']],
  },
  water_leak_dispute: {
    weight: 1.5,
    season: RAINY,
    matters: [
      {
        zh: '楼上{up}卫生间漏水，我家天花板发霉掉皮，找他们好几次不理。',
        agreement: '漏水住户一周内重做卫生间防水，并赔偿天花板修复费用{amount}。',
      },
      {
        zh: '楼下{down}说我家漏水到他家，要我赔钱，但我家刚做过防水。',
        parties: ['申请人（被指漏水住户）', '楼下住户', 'person'],
        agreement: '经闭水试验确认漏点在公共管道，由物业负责维修，双方消除误会。',
      },
      {
        zh: '楼上{up}装修后我家墙面渗水，要求对方维修赔偿。',
        agreement: '楼上住户承担维修费用，并赔偿墙面修复费用{amount}。',
      },
    ],
    waitResident: 0.2,
    waits: [['需楼上住户配合做闭水试验，等待对方约定时间。', '已约定闭水试验时间，继续办理。']],
  },
  family_dispute: {
    weight: 1,
    matters: [
      {
        zh: '{kin}年纪大了，几个子女对赡养问题有分歧，老人很难过。',
        parties: ['申请人（子女）', '兄弟姐妹', 'person'],
        agreement: '子女签订赡养协议：每人每月支付老人生活费{amount}，轮流每周看望。',
      },
      {
        zh: '夫妻因为孩子教育经常吵架，妻子来社区求助。',
        parties: ['妻子', '丈夫', 'person'],
        agreement: '夫妻双方达成沟通约定，一起参加社工站家庭教育讲座，矛盾缓和。',
      },
      {
        zh: '老人和儿媳关系紧张，老人想搬出去住。',
        parties: ['老人', '儿媳', 'person'],
        agreement: '家庭成员互相谅解，老人继续与儿子一家同住，儿媳承诺改善态度。',
      },
    ],
    waitResident: 0.1,
  },
  wage_dispute: {
    weight: 1,
    season: [2.5, 1.2, 0.8, 0.7, 0.7, 0.8, 0.8, 0.8, 0.9, 1, 1.3, 2.2],
    matters: [
      {
        zh: '在{company}干了{months}个月，老板拖欠工资{amount}一直不给。',
        agreement: '用工方同意一次性支付拖欠工资{amount}，已当场支付。',
      },
      {
        zh: '小区装修工人来社区反映，包工头欠了他们{amount}工钱。',
        parties: ['装修工人', '包工头', 'person'],
        agreement: '包工头与工人达成分期支付协议，分两个月付清，社区跟踪落实。',
      },
      {
        zh: '被{company}辞退了，公司不给经济补偿。',
        agreement: '用工方同意按工作年限支付经济补偿{amount}。',
      },
    ],
    waitResident: 0.1,
    waits: [['请当事人补充考勤记录和工资转账记录。', '当事人已补交考勤和转账记录，继续办理。']],
  },
};

/** What staff note when a case waits for the resident, when the category has nothing specific. */
export const GENERIC_WAIT: readonly [string, string] = [
  '等待居民补充材料或约定上门时间。',
  '居民已补齐材料，继续办理。',
];

/** Reasons a case is rejected (not for the community desk), by kind. */
export const REJECTION_REASONS: Readonly<Record<string, readonly string[]>> = {
  affair: [
    '该事项不属于社区受理范围，已引导居民到两江新区政务服务中心办理。',
    '居民户籍不在本社区，已告知到户籍所在地社区办理。',
    '与此前已受理的申请重复，已合并处理。',
  ],
  inquiry: ['重复提交，已在此前的咨询中答复。', '咨询内容与社区事务无关，已告知相关部门电话。'],
  concern: [
    '属于业主家庭内部维修事项，已告知居民联系物业有偿服务。',
    '重复提交，已合并至此前受理的诉求。',
    '该问题属市政道路管理范围，已告知居民拨打12319城建热线。',
    '反映地点不在本社区辖区，已转告所属社区。',
  ],
  dispute: ['双方已向法院起诉，案件已进入诉讼程序，社区不再受理调解。', '当事人撤回调解申请。'],
};

/** Mediation material for each dispute category. */
export interface MediationProfile {
  /** Default roles of the one who came and of the other party, and what the other party is. */
  parties: readonly [string, string, 'person' | 'company'];
  /** Session notes in order: the first session, then the following ones. */
  sessions: readonly string[];
  /** Openers of a mediated resolution, followed by the agreement. */
  openers: readonly string[];
  partial: readonly string[];
  failed: readonly string[];
  referred: readonly string[];
}

export const MEDIATION_PROFILES: Readonly<Record<string, MediationProfile>> = {
  neighbour_dispute: {
    parties: ['申请人（住户）', '被申请人（邻居）', 'person'],
    sessions: [
      '分别上门听取双方陈述，现场查看情况，拍照留存。',
      '在社区调解室组织双方面对面调解，讲解相邻关系的法律规定。',
      '邀请楼栋长和物业参加，双方各退一步，形成调解方案。',
    ],
    openers: ['经调解，双方达成一致：', '经社区调解员组织调解，双方达成协议：'],
    partial: ['被申请人同意部分整改，双方对其余问题仍有分歧，社区将持续跟进。'],
    failed: ['双方分歧较大，被申请人拒绝调解，已告知申请人可通过诉讼解决。'],
    referred: ['已引导申请人向街道人民调解委员会申请调解。'],
  },
  property_dispute: {
    parties: ['业主', '物业服务企业', 'company'],
    sessions: [
      '听取业主诉求，调阅物业服务合同和收费公示。',
      '组织业主代表、业委会和物业三方协商，物业说明收费和服务情况。',
      '物业提交整改方案，社区组织业主代表现场查看整改情况。',
    ],
    openers: ['经社区组织三方协商，达成一致：', '经调解，业主与物业达成协议：'],
    partial: ['物业同意解决部分诉求，双方对其余问题仍有分歧，社区将持续跟进协调。'],
    failed: ['双方分歧较大，未能达成一致，已告知业主可向物业主管部门投诉或依法诉讼。'],
    referred: ['已转两江新区物业管理部门处理，并告知业主可申请仲裁或诉讼。'],
  },
  water_leak_dispute: {
    parties: ['受损住户', '漏水住户', 'person'],
    sessions: [
      '联系物业做闭水试验，查明漏点位置。',
      '组织楼上楼下面对面协商维修方案和损失赔偿。',
      '维修完成后上门复查，确认不再渗漏。',
    ],
    openers: ['经调解，双方达成一致：', '查明漏点后组织调解，双方达成协议：'],
    partial: ['双方同意先维修漏点，对赔偿金额仍有异议，同意维修后再协商。'],
    failed: ['一方拒绝配合闭水试验，调解未成，已告知可委托鉴定后诉讼。'],
    referred: ['双方对责任认定分歧大，已引导申请房屋质量鉴定，并转街道人民调解委员会。'],
  },
  family_dispute: {
    parties: ['申请人', '家庭成员', 'person'],
    sessions: [
      '调解员和社工上门分别与家庭成员谈心，了解矛盾起因。',
      '召开家庭会议，讲解《民法典》关于赡养和家庭关系的规定。',
      '回访家庭，了解约定落实情况。',
    ],
    openers: ['经调解员和社工上门调解，', '经调解，家庭成员达成一致：'],
    partial: ['家庭成员就主要问题达成一致，但具体安排仍有分歧，社区将持续跟进。'],
    failed: ['家庭成员意见分歧较大，暂未达成一致，已告知可申请法律援助。'],
    referred: ['已引导当事人向区法律援助中心申请法律援助。'],
  },
  wage_dispute: {
    parties: ['务工人员', '用工方', 'company'],
    sessions: [
      '听取务工人员陈述，核对考勤和工资记录。',
      '约谈用工方负责人，讲解《保障农民工工资支付条例》。',
      '组织双方协商支付方式和时间。',
    ],
    openers: ['经社区调解，', '经调解，双方达成协议：'],
    partial: ['用工方支付了大部分款项，剩余部分双方对金额有争议，同意继续协商。'],
    failed: ['用工方拒绝支付，调解未成，已告知务工人员申请劳动仲裁。'],
    referred: ['已转两江新区劳动保障监察大队处理，并协助务工人员申请劳动仲裁。'],
  },
};

/** The 尚格博园 story from the report: a vacant lot that became a garbage dump. */
export const VACANT_LOT_STORY = {
  compoundName: '尚格博园',
  communityKey: 'cuiyulu',
  building: 7,
  concern: {
    categoryCode: 'garbage',
    place: '{b}栋旁边的空地',
    description:
      '{b}栋旁边那块空地慢慢成了垃圾堆，有人扔生活垃圾，还有装修垃圾和旧家具，天一热就臭，老鼠也多了。希望社区管一管。',
    resolution:
      '已协调物业和环卫清运空地垃圾约6车，设置临时围挡和禁止倾倒提示。居民建议把空地改建为垃圾房和晾晒点，已提交幸福议事会讨论。',
  },
  suggestion: {
    categoryCode: 'suggestion',
    description:
      '{b}栋旁边的空地清理后，建议建一个封闭的垃圾房，再做一个晾衣服的晾晒点，彻底解决乱堆垃圾的问题。',
    resolution:
      '幸福议事会表决通过空地改造方案：新建封闭垃圾房一座、晾晒点一处，已纳入小区微更新项目，由社区、物业和业委会共同实施。',
  },
} as const;
