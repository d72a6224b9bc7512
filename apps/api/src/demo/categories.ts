/**
 * The demo catalogue of case categories: what a 百通岗 in Chongqing really
 * handles — affairs (办事), questions (问事), concerns (说事) and disputes
 * (矛盾纠纷) — with SLA targets and the reply templates staff paste.
 *
 * SLA targets: accept within N minutes of the handling desk's opening hours;
 * resolve within N open hours (questions, urgent concerns) or N working days
 * (affairs that go through the street or a bureau, slower concerns, disputes).
 * The catalogue is editable by the bureau in the product; this is its seed.
 */
import type { CaseKind, SlaUnit } from '@baitong/contracts';

export interface DemoReplyTemplate {
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
}

export interface DemoCategory {
  code: string;
  kind: CaseKind;
  nameZh: string;
  nameEn: string;
  acceptWithinMinutes: number;
  resolveWithin: { value: number; unit: SlaUnit };
  followUpRequired: boolean;
  publicArea: boolean;
  replyTemplates: DemoReplyTemplate[];
}

const hours = (value: number) => ({ value, unit: 'open_hours' as const });
const days = (value: number) => ({ value, unit: 'working_days' as const });

export const DEMO_CATEGORIES: readonly DemoCategory[] = Object.freeze([
  // ── 办事 affairs ────────────────────────────────────────────────────────────
  {
    code: 'residence_permit',
    kind: 'affair',
    nameZh: '居住证办理',
    nameEn: 'Residence permit',
    acceptWithinMinutes: 30,
    resolveWithin: days(5),
    followUpRequired: false,
    publicArea: false,
    replyTemplates: [
      {
        titleZh: '居住证申领材料',
        titleEn: 'Documents for a residence permit',
        bodyZh:
          '您好！申领居住证请携带：1. 本人居民身份证原件；2. 合法稳定住所证明（房屋租赁合同或房产证复印件，借住的提供房主证明及房产证）；3. 就业或就读证明（劳动合同、营业执照或学生证，任一即可）。需先在本社区办理居住登记满半年。材料齐全当场受理，由社区统一报送派出所，制证后短信通知领取。',
        bodyEn:
          'Hello! To apply for a residence permit, please bring: 1. your resident ID card (original); 2. proof of a stable home (tenancy agreement or a copy of the property certificate; if you live with someone, the owner’s statement and certificate); 3. proof of work or study (labour contract, business licence or student card, any one). You need to have been registered as living in this community for six months. We accept complete applications on the spot and pass them to the police station; you will get a text message when the permit is ready.',
      },
      {
        titleZh: '居住证签注（续期）',
        titleEn: 'Renewing a residence permit',
        bodyZh:
          '居住证每年签注一次，请在有效期满前一个月内携带居住证和身份证到百通岗办理，住址有变化的请同时带上新的租赁合同。也可在“渝快办”APP自助签注。',
        bodyEn:
          'A residence permit is endorsed once a year. Within the month before it expires, bring the permit and your ID card to the desk; if your address has changed, bring the new tenancy agreement too. You can also renew it yourself in the Yukuaiban app.',
      },
    ],
  },
  {
    code: 'elderly_allowance',
    kind: 'affair',
    nameZh: '高龄津贴申请',
    nameEn: 'Old-age allowance',
    acceptWithinMinutes: 30,
    resolveWithin: days(5),
    followUpRequired: true,
    publicArea: false,
    replyTemplates: [
      {
        titleZh: '高龄津贴申请材料',
        titleEn: 'Applying for the old-age allowance',
        bodyZh:
          '您好！年满80周岁、具有本市户籍的老人可申请高龄津贴。请携带老人身份证、户口簿原件及本人名下的社保卡或银行卡（用于发放），代办的请带代办人身份证。社区初审后报街道审核，审核通过后次月起按月发放。行动不便的老人可预约网格员上门办理。',
        bodyEn:
          'Hello! Chongqing residents aged 80 or over can apply for the old-age allowance. Please bring the applicant’s ID card and household register (originals) and a social security card or bank card in the applicant’s name for the payments; if you apply on their behalf, bring your own ID card too. We check the application and pass it to the subdistrict; once approved, the allowance is paid monthly from the following month. If the applicant cannot come in, book a home visit by the grid worker.',
      },
      {
        titleZh: '高龄津贴到账查询',
        titleEn: 'When the allowance is paid',
        bodyZh:
          '高龄津贴每月中旬发放到老人本人社保卡金融账户。如连续两个月未到账，请带上身份证和社保卡到百通岗，我们帮您向街道核实发放记录。',
        bodyEn:
          'The allowance is paid into the financial account of the applicant’s social security card in the middle of each month. If nothing arrives for two months in a row, bring the ID card and social security card to the desk and we will check the payment records with the subdistrict.',
      },
    ],
  },
  {
    code: 'medical_insurance',
    kind: 'affair',
    nameZh: '城乡居民医保参保缴费',
    nameEn: 'Residents’ medical insurance enrolment',
    acceptWithinMinutes: 30,
    resolveWithin: days(3),
    followUpRequired: false,
    publicArea: false,
    replyTemplates: [
      {
        titleZh: '城乡居民医保参保登记',
        titleEn: 'Enrolling in residents’ medical insurance',
        bodyZh:
          '您好！城乡居民医保集中缴费期为每年9月至12月，缴纳的是次年的医保费用。首次参保请携带身份证（新生儿带出生医学证明和户口簿）到百通岗登记；已参保的可直接通过“渝快办”、微信“重庆医保”或银行APP缴费。低保、特困、重度残疾等人员个人缴费部分有资助，请带相关证件。',
        bodyEn:
          'Hello! Residents’ medical insurance is paid each year from September to December for the following year. To enrol for the first time, bring your ID card (for a newborn: the birth certificate and household register) to the desk; if you are already enrolled you can pay in the Yukuaiban app, the “Chongqing Medical Insurance” WeChat service or your bank’s app. People on subsistence allowance, in extreme poverty or with a severe disability get help with their share: please bring the certificate.',
      },
    ],
  },
  {
    code: 'subsistence_allowance',
    kind: 'affair',
    nameZh: '低保申请',
    nameEn: 'Minimum living allowance (dibao)',
    acceptWithinMinutes: 30,
    resolveWithin: days(5),
    followUpRequired: true,
    publicArea: false,
    replyTemplates: [
      {
        titleZh: '低保申请材料',
        titleEn: 'Applying for the minimum living allowance',
        bodyZh:
          '您好！申请低保以家庭为单位，请携带：全体家庭成员身份证、户口簿，收入证明（无业的书面说明），患病或残疾的带病历或残疾人证，以及签字的家庭经济状况核对授权书（百通岗现场提供）。社区受理后5个工作日内入户调查并报街道，街道审核和公示结束后通知结果。',
        bodyEn:
          'Hello! The minimum living allowance is applied for per household. Please bring the ID cards and household register of everyone in the household, proof of income (or a written statement if unemployed), medical records or a disability certificate where relevant, and the signed authorisation to check the household’s finances (we have the form at the desk). Within 5 working days of accepting the application we visit your home and pass the case to the subdistrict, which reviews it, publishes the list for comment and tells you the result.',
      },
      {
        titleZh: '低保材料需补充',
        titleEn: 'More documents needed',
        bodyZh:
          '您的低保申请还缺少以下材料：{材料}。请在10个工作日内补交到百通岗，补齐后我们马上继续办理；如有困难可联系网格员上门收取。',
        bodyEn:
          'Your application still needs: {documents}. Please bring them to the desk within 10 working days and we will carry on straight away; if that is difficult, your grid worker can collect them from your home.',
      },
    ],
  },
  {
    code: 'disability_card',
    kind: 'affair',
    nameZh: '残疾人证办理',
    nameEn: 'Disability certificate',
    acceptWithinMinutes: 30,
    resolveWithin: days(5),
    followUpRequired: true,
    publicArea: false,
    replyTemplates: [
      {
        titleZh: '残疾人证首次申领',
        titleEn: 'First application for a disability certificate',
        bodyZh:
          '您好！首次申领残疾人证请携带本人身份证、户口簿、近期二寸白底免冠照片3张及相关病历资料，到百通岗填写申请表。社区报送后，区残联会通知您到指定医院做残疾评定，评定通过后约20个工作日制证。',
        bodyEn:
          'Hello! For a first disability certificate, bring your ID card, household register, three recent 2-inch passport photos (white background) and your medical records, and fill in the application at the desk. Once we send it on, the district Disabled Persons’ Federation will book you an assessment at a designated hospital; the certificate is issued about 20 working days after a positive assessment.',
      },
      {
        titleZh: '残疾人证换领',
        titleEn: 'Renewing a disability certificate',
        bodyZh:
          '残疾人证有效期满前3个月内可申请换领，请带原证、身份证和近期照片2张到百通岗办理，残疾类别和等级不变的无需重新评定。',
        bodyEn:
          'You can renew a disability certificate in the three months before it expires: bring the old certificate, your ID card and two recent photos to the desk. If the type and level of disability are unchanged, no new assessment is needed.',
      },
    ],
  },
  {
    code: 'senior_card',
    kind: 'affair',
    nameZh: '老年人优待证办理',
    nameEn: 'Senior citizen’s card',
    acceptWithinMinutes: 30,
    resolveWithin: days(3),
    followUpRequired: false,
    publicArea: false,
    replyTemplates: [
      {
        titleZh: '老年人优待证办理',
        titleEn: 'Getting a senior citizen’s card',
        bodyZh:
          '您好！年满60周岁的老人可办理老年人优待证，凭证乘坐公交、游览公园景区享受优惠。请携带身份证原件和一张一寸近期照片，到百通岗办理，3个工作日内可领证；也可在“渝快办”上申请电子优待证。',
        bodyEn:
          'Hello! People aged 60 or over can get a senior citizen’s card for discounts on buses and at parks and scenic sites. Bring your ID card and a recent 1-inch photo to the desk and collect the card within 3 working days; you can also apply for the electronic card in the Yukuaiban app.',
      },
    ],
  },
  {
    code: 'only_child_certificate',
    kind: 'affair',
    nameZh: '独生子女证明开具',
    nameEn: 'Only-child certificate',
    acceptWithinMinutes: 30,
    resolveWithin: days(2),
    followUpRequired: false,
    publicArea: false,
    replyTemplates: [
      {
        titleZh: '独生子女证明',
        titleEn: 'Only-child certificate',
        bodyZh:
          '您好！开具独生子女证明（用于退休奖励或父母护理假等）请携带：父母双方身份证、户口簿、结婚证，以及子女的出生医学证明或户口页。社区核实后出具证明并报街道计生办盖章，2个工作日内可取。',
        bodyEn:
          'Hello! For an only-child certificate (for the retirement bonus or parental care leave, for example), bring both parents’ ID cards, the household register, the marriage certificate and the child’s birth certificate or household-register page. We check the facts, issue the certificate and have it stamped by the subdistrict family-planning office; you can collect it within 2 working days.',
      },
    ],
  },
  {
    code: 'residence_proof',
    kind: 'affair',
    nameZh: '居住证明开具',
    nameEn: 'Proof of residence',
    acceptWithinMinutes: 20,
    resolveWithin: days(1),
    followUpRequired: false,
    publicArea: false,
    replyTemplates: [
      {
        titleZh: '居住证明开具',
        titleEn: 'Proof of residence',
        bodyZh:
          '您好！开具居住证明请本人携带身份证和房产证或租赁合同到百通岗，说明证明用途（如子女入学、办理银行业务）。信息核实无误的当场出具；需网格员上门核实的，1个工作日内办结。',
        bodyEn:
          'Hello! For proof of residence, come to the desk in person with your ID card and property certificate or tenancy agreement, and tell us what it is for (a school place, a bank, …). If the details check out we issue it on the spot; if the grid worker has to visit first, it is ready within 1 working day.',
      },
    ],
  },
  {
    code: 'home_care',
    kind: 'affair',
    nameZh: '居家养老服务申请',
    nameEn: 'Home care for older people',
    acceptWithinMinutes: 30,
    resolveWithin: days(5),
    followUpRequired: true,
    publicArea: false,
    replyTemplates: [
      {
        titleZh: '居家养老服务',
        titleEn: 'Home care services',
        bodyZh:
          '您好！社区养老服务站为辖区老人提供助餐、助浴、助洁和上门探访服务，特困、低保、失能老人可申请政府购买服务补贴。请带老人身份证到百通岗登记需求，社工将在3个工作日内上门评估，确定服务内容和时间。',
        bodyEn:
          'Hello! The community elderly-care station offers meals, help with bathing and cleaning, and home visits; older people in extreme poverty, on subsistence allowance or who can no longer look after themselves can get government-funded care. Bring the older person’s ID card to the desk to register what is needed; a social worker will visit within 3 working days to agree the services and times.',
      },
    ],
  },
  {
    code: 'foreigner_registration',
    kind: 'affair',
    nameZh: '境外人员住宿登记',
    nameEn: 'Accommodation registration for foreign nationals',
    acceptWithinMinutes: 30,
    resolveWithin: days(1),
    followUpRequired: false,
    publicArea: false,
    replyTemplates: [
      {
        titleZh: '境外人员住宿登记',
        titleEn: 'Registering where you stay',
        bodyZh:
          '您好！境外人员在住宅内居住的，应在入住后24小时内办理住宿登记。请携带护照原件、有效签证或居留许可，以及房屋租赁合同（房东须一同到场或提供房东身份证复印件），到美美国际之家移民事务服务站或百通岗办理，当场出具住宿登记表。',
        bodyEn:
          'Hello! Foreign nationals living in a private home must register their accommodation within 24 hours of moving in. Bring your passport, a valid visa or residence permit and the tenancy agreement (the landlord must come with you or provide a copy of their ID card) to the Immigration Service Station at Meimei International Home or to the desk; you get the registration form on the spot.',
      },
    ],
  },

  // ── 问事 questions ──────────────────────────────────────────────────────────
  {
    code: 'social_insurance_question',
    kind: 'inquiry',
    nameZh: '社保政策咨询',
    nameEn: 'Social insurance questions',
    acceptWithinMinutes: 20,
    resolveWithin: hours(2),
    followUpRequired: false,
    publicArea: false,
    replyTemplates: [
      {
        titleZh: '灵活就业人员参保',
        titleEn: 'Social insurance for the self-employed',
        bodyZh:
          '您好！灵活就业人员可以个人身份参加企业职工养老保险和职工医保，缴费基数在全市上年度平均工资的60%至300%之间自选。可通过“渝快办”或“重庆人社”APP办理参保登记和缴费，也可带身份证到百通岗由工作人员协助办理。',
        bodyEn:
          'Hello! Self-employed and gig workers can join the employees’ pension and medical insurance as individuals, choosing a contribution base between 60% and 300% of the city’s average wage for the previous year. You can register and pay in the Yukuaiban or Chongqing HR & Social Security app, or bring your ID card to the desk and we will help you do it.',
      },
      {
        titleZh: '养老金领取资格认证',
        titleEn: 'Pension eligibility check',
        bodyZh:
          '退休人员每年需做一次养老待遇领取资格认证，可在“重庆人社”APP刷脸完成；不会操作或行动不便的，可到百通岗由工作人员协助，或预约网格员上门认证。',
        bodyEn:
          'Pensioners confirm their eligibility once a year by face recognition in the Chongqing HR & Social Security app. If you cannot manage it or cannot come out, our staff can help you at the desk, or you can book a home visit by the grid worker.',
      },
    ],
  },
  {
    code: 'employment_question',
    kind: 'inquiry',
    nameZh: '就业创业咨询',
    nameEn: 'Jobs and starting a business',
    acceptWithinMinutes: 20,
    resolveWithin: hours(4),
    followUpRequired: false,
    publicArea: false,
    replyTemplates: [
      {
        titleZh: '就业登记与招聘信息',
        titleEn: 'Job-seeker registration and vacancies',
        bodyZh:
          '您好！失业人员可带身份证到百通岗办理失业登记，登记后可免费参加职业技能培训并享受就业推荐。社区每周更新辖区企业招聘信息，张贴在党群服务中心公告栏，也会推送到“渝快社区”APP。',
        bodyEn:
          'Hello! If you are out of work, bring your ID card to the desk to register as unemployed; you then get free vocational training and job referrals. Vacancies from local employers are updated every week on the notice board of the community service centre and in the Yukuaishequ app.',
      },
      {
        titleZh: '创业担保贷款',
        titleEn: 'Start-up guaranteed loans',
        bodyZh:
          '符合条件的个人创业者可申请最高30万元的创业担保贷款并享受贴息。请准备身份证、营业执照和经营场所证明，社区出具推荐意见后到区就业服务中心申请。',
        bodyEn:
          'Eligible people starting a business can apply for a guaranteed start-up loan of up to 300,000 yuan with an interest subsidy. Prepare your ID card, business licence and proof of premises; we issue a recommendation and you apply at the district employment service centre.',
      },
    ],
  },
  {
    code: 'visa_question',
    kind: 'inquiry',
    nameZh: '外籍人士签证与居留咨询',
    nameEn: 'Visa and residence questions (foreign residents)',
    acceptWithinMinutes: 30,
    resolveWithin: hours(4),
    followUpRequired: false,
    publicArea: false,
    replyTemplates: [
      {
        titleZh: '工作类居留许可延期',
        titleEn: 'Extending a work residence permit',
        bodyZh:
          '您好！工作类居留许可请在到期前30日内申请延期。请准备护照、现居留许可、工作许可证、单位函件、住宿登记表和近期照片。美美国际之家移民事务服务站可协助预约并提供视频面谈，材料齐全的出入境管理部门一般7个工作日内办结。',
        bodyEn:
          'Hello! Apply to extend a work residence permit within the 30 days before it expires. Prepare your passport, current residence permit, work permit, a letter from your employer, your accommodation registration form and a recent photo. The Immigration Service Station at Meimei International Home can book the appointment and offers the video interview; with complete documents the exit-entry administration usually decides within 7 working days.',
      },
      {
        titleZh: '家属团聚类签证',
        titleEn: 'Visas for family members',
        bodyZh:
          '外籍人员的配偶、子女来渝团聚，可申请团聚类签证或居留许可，需提供亲属关系证明（经认证）和邀请人的居留许可。具体材料请到美美国际之家咨询，志愿者可提供英语、韩语和日语翻译。',
        bodyEn:
          'A foreign resident’s spouse and children can come to Chongqing on a family-reunion visa or residence permit, with proof of the relationship (legalised) and the inviting resident’s permit. Ask at Meimei International Home for the exact list; volunteers can interpret in English, Korean and Japanese.',
      },
    ],
  },
  {
    code: 'school_enrolment_question',
    kind: 'inquiry',
    nameZh: '入学政策咨询',
    nameEn: 'School admission questions',
    acceptWithinMinutes: 20,
    resolveWithin: hours(3),
    followUpRequired: false,
    publicArea: false,
    replyTemplates: [
      {
        titleZh: '小学一年级入学',
        titleEn: 'Starting primary school',
        bodyZh:
          '您好！小学入学按户籍和实际居住地划片，每年4月公布片区，5月网上登记。需准备：儿童户口簿、父母身份证、房产证或居住证（随迁子女还需父母一方的居住证和社保缴费证明）。具体学区请以两江新区教育局公布的划片为准，社区可开具居住证明。',
        bodyEn:
          'Hello! Primary school places follow the household registration and where you actually live: catchment areas are published in April and online registration is in May. You need the child’s household register, the parents’ ID cards and the property certificate or residence permit (children of families from elsewhere also need one parent’s residence permit and social insurance record). The Liangjiang New Area education bureau’s catchment map is authoritative; we can issue a proof of residence.',
      },
    ],
  },
  {
    code: 'public_housing_question',
    kind: 'inquiry',
    nameZh: '公租房政策咨询',
    nameEn: 'Public rental housing questions',
    acceptWithinMinutes: 20,
    resolveWithin: hours(4),
    followUpRequired: false,
    publicArea: false,
    replyTemplates: [
      {
        titleZh: '公租房申请条件',
        titleEn: 'Who can apply for public rental housing',
        bodyZh:
          '您好！年满18周岁、在主城区无住房或人均住房面积低于13平方米、有稳定工作或收入来源的人员可申请公租房。可通过“重庆公租房”网站或APP在线申请，社区可协助填报和打印材料。',
        bodyEn:
          'Hello! People aged 18 or over who own no home in the main urban area (or under 13 m² per person) and have a stable job or income can apply for public rental housing, online on the Chongqing public rental housing website or app. We can help you fill in and print the forms.',
      },
    ],
  },
  {
    code: 'legal_question',
    kind: 'inquiry',
    nameZh: '法律咨询',
    nameEn: 'Legal advice',
    acceptWithinMinutes: 30,
    resolveWithin: hours(4),
    followUpRequired: false,
    publicArea: false,
    replyTemplates: [
      {
        titleZh: '社区法律顾问坐班',
        titleEn: 'The community’s lawyer',
        bodyZh:
          '您好！社区法律顾问每周三下午在党群服务中心坐班，提供免费法律咨询；也可以在百通岗登记问题，律师在4个工作小时内电话回复。需要法律援助的，我们会帮您对接区法律援助中心。',
        bodyEn:
          'Hello! The community’s lawyer is at the service centre every Wednesday afternoon for free advice; you can also leave your question at the desk and the lawyer will call you back within 4 working hours. If you need legal aid, we will put you in touch with the district legal aid centre.',
      },
    ],
  },
  {
    code: 'service_guide_question',
    kind: 'inquiry',
    nameZh: '办事指引咨询',
    nameEn: 'Where and how to get things done',
    acceptWithinMinutes: 15,
    resolveWithin: hours(2),
    followUpRequired: false,
    publicArea: false,
    replyTemplates: [
      {
        titleZh: '办事地点与时间',
        titleEn: 'Where and when',
        bodyZh:
          '您好！社区百通岗每天8:30至21:30开放（节假日照常），可办理居住证明、高龄津贴、医保参保等社区事项；户籍、不动产登记等需到两江新区政务服务中心办理，工作日9:00至17:00。很多事项也可以在“渝快办”APP上直接办理。',
        bodyEn:
          'Hello! The community’s Baitong desk is open every day from 8:30 to 21:30, holidays included, for proof of residence, the old-age allowance, medical insurance and other community matters. Household registration and property registration are handled at the Liangjiang New Area government service centre, weekdays 9:00–17:00. Many matters can also be done directly in the Yukuaiban app.',
      },
    ],
  },

  // ── 说事 concerns ───────────────────────────────────────────────────────────
  {
    code: 'stair_light',
    kind: 'concern',
    nameZh: '楼道灯损坏',
    nameEn: 'Broken stairwell light',
    acceptWithinMinutes: 30,
    resolveWithin: hours(24),
    followUpRequired: true,
    publicArea: true,
    replyTemplates: [
      {
        titleZh: '已通知物业维修',
        titleEn: 'Repair ordered',
        bodyZh:
          '您好！您反映的楼道灯问题已收到，我们已通知物业维修人员，预计24小时内修好，修好后网格员会回访确认。晚上出行请注意安全。',
        bodyEn:
          'Hello! We have your report of the stairwell light and have asked the property management’s maintenance team to fix it, normally within 24 hours; the grid worker will check with you afterwards. Please take care on the stairs at night.',
      },
    ],
  },
  {
    code: 'noise',
    kind: 'concern',
    nameZh: '噪音扰民',
    nameEn: 'Noise nuisance',
    acceptWithinMinutes: 30,
    resolveWithin: hours(8),
    followUpRequired: true,
    publicArea: false,
    replyTemplates: [
      {
        titleZh: '噪音问题受理',
        titleEn: 'Noise complaint received',
        bodyZh:
          '您好！您反映的噪音问题已受理。网格员会先上门与相关住户沟通；装修施工仅限工作日8:00–12:00、14:00–18:00，超时施工的将通知物业停工。夜间（22:00后）持续噪音也可直接拨打110。',
        bodyEn:
          'Hello! We have taken up your noise complaint. The grid worker will first talk to the household concerned. Renovation work is only allowed on working days 8:00–12:00 and 14:00–18:00; work outside those hours will be stopped through the property management. For continuous noise at night (after 22:00) you can also call 110.',
      },
      {
        titleZh: '广场舞音量协调',
        titleEn: 'Square dancing volume',
        bodyZh:
          '已与广场舞队伍负责人沟通，约定音量控制在60分贝以内、21:00前结束，并调整了音箱朝向。如仍有影响，欢迎继续反映。',
        bodyEn:
          'We have spoken to the leader of the square-dancing group: they agreed to keep the volume under 60 dB, finish by 21:00 and turn the speakers away from the buildings. If it still bothers you, please tell us.',
      },
    ],
  },
  {
    code: 'garbage',
    kind: 'concern',
    nameZh: '垃圾清运与堆放',
    nameEn: 'Rubbish collection and dumping',
    acceptWithinMinutes: 30,
    resolveWithin: hours(12),
    followUpRequired: true,
    publicArea: true,
    replyTemplates: [
      {
        titleZh: '垃圾清运安排',
        titleEn: 'Rubbish collection arranged',
        bodyZh:
          '您好！您反映的垃圾堆放问题已转物业和环卫清运，预计12小时内清理完毕。生活垃圾请按“可回收物、有害垃圾、厨余垃圾、其他垃圾”分类投放，大件垃圾和装修垃圾请联系物业预约清运。',
        bodyEn:
          'Hello! We have passed the rubbish problem to the property management and the sanitation team; it should be cleared within 12 hours. Please sort household waste into recyclables, hazardous, kitchen and other waste; for bulky items and renovation waste, book a collection with the property management.',
      },
    ],
  },
  {
    code: 'parking',
    kind: 'concern',
    nameZh: '占道停车',
    nameEn: 'Vehicles blocking the way',
    acceptWithinMinutes: 30,
    resolveWithin: hours(8),
    followUpRequired: true,
    publicArea: true,
    replyTemplates: [
      {
        titleZh: '占道车辆处理',
        titleEn: 'Blocking vehicle',
        bodyZh:
          '您好！已收到您反映的占道停车问题。网格员会联系物业查找车主挪车；占用消防通道的车辆将通报交巡警依法处理。',
        bodyEn:
          'Hello! We have your report of a vehicle blocking the way. The grid worker will ask the property management to find the owner and have it moved; vehicles blocking a fire lane are reported to the traffic police.',
      },
    ],
  },
  {
    code: 'greenery',
    kind: 'concern',
    nameZh: '绿化维护',
    nameEn: 'Trees and green spaces',
    acceptWithinMinutes: 60,
    resolveWithin: days(3),
    followUpRequired: false,
    publicArea: true,
    replyTemplates: [
      {
        titleZh: '绿化修剪安排',
        titleEn: 'Pruning arranged',
        bodyZh:
          '您好！您反映的绿化问题已转物业绿化班组，3个工作日内完成修剪或补种。涉及大树砍伐、移栽的，需报园林部门审批，我们会及时告知进度。',
        bodyEn:
          'Hello! We have passed your report to the property management’s gardening team, who will prune or replant within 3 working days. Felling or moving a large tree needs the parks authority’s approval; we will keep you informed.',
      },
    ],
  },
  {
    code: 'elevator',
    kind: 'concern',
    nameZh: '电梯故障',
    nameEn: 'Lift breakdown',
    acceptWithinMinutes: 15,
    resolveWithin: hours(4),
    followUpRequired: true,
    publicArea: true,
    replyTemplates: [
      {
        titleZh: '电梯故障报修',
        titleEn: 'Lift reported',
        bodyZh:
          '您好！已通知物业和电梯维保单位，维保人员30分钟内到场检修。如有人员被困，请立即按电梯内警铃或拨打电梯内张贴的96333救援电话。',
        bodyEn:
          'Hello! We have called the property management and the lift maintenance company; an engineer will be there within 30 minutes. If anyone is trapped, press the alarm in the lift or call the 96333 rescue number posted inside.',
      },
      {
        titleZh: '老旧电梯更新',
        titleEn: 'Replacing an old lift',
        bodyZh:
          '该电梯使用年限较长、故障频繁，社区已联合物业、业委会申请住宅专项维修资金进行更新改造，方案将在楼栋公示并征求业主意见。',
        bodyEn:
          'This lift is old and breaks down often. Together with the property management and the owners’ committee, we are applying to the housing maintenance fund to replace it; the plan will be posted in the building for the owners’ comments.',
      },
    ],
  },
  {
    code: 'pipe_leak',
    kind: 'concern',
    nameZh: '公共管道漏水',
    nameEn: 'Leaking shared pipes',
    acceptWithinMinutes: 30,
    resolveWithin: hours(12),
    followUpRequired: true,
    publicArea: true,
    replyTemplates: [
      {
        titleZh: '公共管道维修',
        titleEn: 'Pipe repair',
        bodyZh:
          '您好！已通知物业关阀检修，维修期间可能短时停水，物业会提前在楼栋群通知。入户管道（水表后）漏水需业主自行维修，可联系物业有偿服务。',
        bodyEn:
          'Hello! The property management will shut the valve and repair the pipe; there may be a short water cut, announced in the building’s chat group beforehand. Leaks in pipes inside the flat (after the meter) are the owner’s to repair; the property management offers paid repairs.',
      },
    ],
  },
  {
    code: 'safety_hazard',
    kind: 'concern',
    nameZh: '安全隐患',
    nameEn: 'Safety hazard',
    acceptWithinMinutes: 15,
    resolveWithin: hours(4),
    followUpRequired: true,
    publicArea: true,
    replyTemplates: [
      {
        titleZh: '安全隐患处置',
        titleEn: 'Hazard being dealt with',
        bodyZh:
          '您好！感谢您的提醒，网格员已赶往现场处置并设置警示。电动自行车请勿在楼道、电梯内停放充电，请使用小区集中充电桩。紧急情况请拨打119。',
        bodyEn:
          'Hello! Thank you for telling us. The grid worker is on the way to deal with it and mark the area. Please never park or charge e-bikes in stairwells or lifts: use the compound’s charging points. In an emergency call 119.',
      },
    ],
  },
  {
    code: 'facility_damage',
    kind: 'concern',
    nameZh: '公共设施损坏',
    nameEn: 'Damaged shared facilities',
    acceptWithinMinutes: 60,
    resolveWithin: days(2),
    followUpRequired: true,
    publicArea: true,
    replyTemplates: [
      {
        titleZh: '公共设施维修',
        titleEn: 'Facility repair',
        bodyZh:
          '您好！已登记您反映的设施损坏，物业将在2个工作日内维修；健身器材损坏的已贴停用提示，请暂勿使用。',
        bodyEn:
          'Hello! We have logged the damage and the property management will repair it within 2 working days. Broken fitness equipment has been marked “out of use”: please do not use it in the meantime.',
      },
    ],
  },
  {
    code: 'dog_keeping',
    kind: 'concern',
    nameZh: '不文明养犬',
    nameEn: 'Irresponsible dog owners',
    acceptWithinMinutes: 30,
    resolveWithin: hours(24),
    followUpRequired: true,
    publicArea: false,
    replyTemplates: [
      {
        titleZh: '文明养犬提醒',
        titleEn: 'Responsible dog ownership',
        bodyZh:
          '您好！网格员已上门提醒犬主：出户须牵绳、及时清理粪便，烈性犬禁止饲养。屡次劝导无效的，将报告公安机关依据《重庆市养犬管理暂行办法》处理。',
        bodyEn:
          'Hello! The grid worker has visited the dog’s owner: dogs must be on a lead outside and their mess cleared up, and dangerous breeds are banned. Owners who ignore repeated warnings are reported to the police under Chongqing’s dog-keeping regulations.',
      },
    ],
  },
  {
    code: 'suggestion',
    kind: 'concern',
    nameZh: '意见建议',
    nameEn: 'Suggestion',
    acceptWithinMinutes: 60,
    resolveWithin: days(3),
    followUpRequired: true,
    publicArea: false,
    replyTemplates: [
      {
        titleZh: '建议已收到',
        titleEn: 'Thank you for your suggestion',
        bodyZh:
          '您好！感谢您的建议。涉及小区公共空间改造、公共收益使用等事项，社区将提交幸福议事会讨论，议事结果会在“渝快社区”APP和小区公告栏公布，也欢迎您到会旁听。',
        bodyEn:
          'Hello! Thank you for your suggestion. Changes to shared spaces or the use of the compound’s common income go to the Happiness Council; the result is published in the Yukuaishequ app and on the compound’s notice board, and you are welcome to attend the meeting.',
      },
    ],
  },

  // ── 矛盾纠纷 disputes ────────────────────────────────────────────────────────
  {
    code: 'neighbour_dispute',
    kind: 'dispute',
    nameZh: '邻里纠纷',
    nameEn: 'Dispute between neighbours',
    acceptWithinMinutes: 30,
    resolveWithin: days(7),
    followUpRequired: true,
    publicArea: false,
    replyTemplates: [
      {
        titleZh: '邻里纠纷调解',
        titleEn: 'Mediation between neighbours',
        bodyZh:
          '您好！您反映的邻里矛盾已受理，社区调解员会在2个工作日内分别联系双方了解情况，并约定时间在社区调解室面对面调解。调解达成协议的，可申请司法确认。',
        bodyEn:
          'Hello! We have taken up the dispute with your neighbour. Within 2 working days the community mediator will talk to both sides and arrange a face-to-face meeting in the community mediation room. An agreement reached in mediation can be confirmed by the court on request.',
      },
    ],
  },
  {
    code: 'property_dispute',
    kind: 'dispute',
    nameZh: '物业纠纷',
    nameEn: 'Dispute with the property management',
    acceptWithinMinutes: 30,
    resolveWithin: days(10),
    followUpRequired: true,
    publicArea: false,
    replyTemplates: [
      {
        titleZh: '物业纠纷协调',
        titleEn: 'Dispute with the property management',
        bodyZh:
          '您好！社区已受理您与物业服务企业的纠纷，将召集业主代表、业委会和物业三方协商。物业服务收费标准和服务内容以物业服务合同为准，您也可向两江新区物业管理部门投诉。',
        bodyEn:
          'Hello! We have taken up your dispute with the property management company and will call the owners’ representatives, the owners’ committee and the company together. Fees and services are as set out in the property service contract; you may also complain to the Liangjiang New Area property regulator.',
      },
    ],
  },
  {
    code: 'water_leak_dispute',
    kind: 'dispute',
    nameZh: '相邻漏水纠纷',
    nameEn: 'Water leaking from a neighbour’s flat',
    acceptWithinMinutes: 30,
    resolveWithin: days(7),
    followUpRequired: true,
    publicArea: false,
    replyTemplates: [
      {
        titleZh: '漏水纠纷处理流程',
        titleEn: 'How leak disputes are handled',
        bodyZh:
          '您好！社区会联系物业先做闭水试验查明漏点，再组织楼上楼下协商维修方案和损失承担。查明属楼上原因的，由楼上住户负责维修并赔偿合理损失；请保留好受损部位照片。',
        bodyEn:
          'Hello! We will ask the property management to run a water test to find the leak, then bring both flats together to agree the repair and who pays for the damage. If the leak comes from the flat above, that household repairs it and pays reasonable damages; please keep photos of the damage.',
      },
    ],
  },
  {
    code: 'family_dispute',
    kind: 'dispute',
    nameZh: '家庭矛盾',
    nameEn: 'Family conflict',
    acceptWithinMinutes: 30,
    resolveWithin: days(5),
    followUpRequired: true,
    publicArea: false,
    replyTemplates: [
      {
        titleZh: '家庭矛盾调解',
        titleEn: 'Family mediation',
        bodyZh:
          '您好！社区调解员和社工会上门了解情况，帮助家庭成员沟通。涉及赡养、抚养问题的，我们会讲解法律规定；如遇家庭暴力，请立即拨打110，社区可协助申请人身安全保护令。',
        bodyEn:
          'Hello! The community mediator and a social worker will visit to understand the situation and help the family talk. Where care for parents or children is at issue, we explain what the law requires. In case of domestic violence call 110 at once; we can help you apply for a personal safety protection order.',
      },
    ],
  },
  {
    code: 'wage_dispute',
    kind: 'dispute',
    nameZh: '劳资纠纷',
    nameEn: 'Unpaid wages and labour disputes',
    acceptWithinMinutes: 30,
    resolveWithin: days(10),
    followUpRequired: true,
    publicArea: false,
    replyTemplates: [
      {
        titleZh: '欠薪纠纷处理',
        titleEn: 'Unpaid wages',
        bodyZh:
          '您好！已受理您的欠薪问题，社区将联系用工方协商支付。请准备劳动合同、考勤记录、工资条或转账记录等证据。协商不成的，我们会协助您向两江新区劳动保障监察大队投诉或申请劳动仲裁（仲裁不收费）。',
        bodyEn:
          'Hello! We have taken up your unpaid wages and will contact the employer to arrange payment. Please gather evidence: labour contract, attendance records, payslips or bank transfers. If that fails, we will help you complain to the Liangjiang New Area labour inspectorate or apply for labour arbitration, which is free.',
      },
    ],
  },
] satisfies DemoCategory[]);

/** Category by code; throws on an unknown code. */
export function demoCategory(code: string): DemoCategory {
  const category = DEMO_CATEGORIES.find((c) => c.code === code);
  if (!category) throw new RangeError(`unknown demo category ${code}`);
  return category;
}
