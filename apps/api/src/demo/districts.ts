/**
 * The static shape of the demo district: streets (街道) of 两江新区 with their
 * communities (社区), the hand-made compounds of the communities the news report
 * names, and the pools the other compounds are named from. Community names other
 * than 翠渝路、银竹苑、和睦路 are plausible inventions, not claims about real places.
 */
import { type LatLng } from './geo';

export interface StreetSpec {
  key: string;
  name: string;
  nameEn: string;
  /**
   * Roughly where the street's communities lie, as a Chinese map (AMap, GCJ-02) shows it; the
   * seed converts it to WGS-84, the one datum Baitong stores.
   */
  center: LatLng;
  /** Roads (Chinese, English) for the addresses of communities that are not named after a road. */
  roads: readonly (readonly [name: string, nameEn: string])[];
  /** Community slug and Chinese name (without 社区). */
  communities: readonly (readonly [slug: string, name: string])[];
}

// prettier-ignore
export const STREETS: readonly StreetSpec[] = [
  { key: 'cuiyun', name: '翠云街道', nameEn: 'Cuiyun Subdistrict', center: { lat: 29.668, lng: 106.566 },
    roads: [['金渝大道', 'Jinyu Avenue'], ['翠云大道', 'Cuiyun Avenue'], ['云杉南路', 'Yunshan South Road'], ['黄山大道东段', 'Huangshan Avenue East']],
    communities: [['cuiyulu', '翠渝路'], ['yunjinlu', '云锦路'], ['cuihuyuan', '翠湖苑'], ['yunzhulu', '云竹路'],
      ['changfulu', '长福路'], ['cuipingwan', '翠屏湾'], ['yunfengyuan', '云峰苑'], ['cuilinlu', '翠林路']] },
  { key: 'kangmei', name: '康美街道', nameEn: 'Kangmei Subdistrict', center: { lat: 29.7, lng: 106.6 },
    roads: [['康美大道', 'Kangmei Avenue'], ['银杉路', 'Yinshan Road'], ['青枫北路', 'Qingfeng North Road'], ['康宁路', 'Kangning Road']],
    communities: [['yinzhuyuan', '银竹苑'], ['kangmeiyuan', '康美苑'], ['jinzhuwan', '金竹湾'], ['yuemeilu', '悦美路'],
      ['kangzhuanglu', '康庄路'], ['qingfengyuan', '青枫苑']] },
  { key: 'renhe', name: '人和街道', nameEn: 'Renhe Subdistrict', center: { lat: 29.636, lng: 106.522 },
    roads: [['人和大道', 'Renhe Avenue'], ['星光大道', 'Xingguang Avenue'], ['高新园路', 'Gaoxinyuan Road'], ['万年路', 'Wannian Road']],
    communities: [['hemulu', '和睦路'], ['wannianlu', '万年路'], ['renheyuan', '人和苑'], ['gaoxinlu', '高新路'],
      ['xingguangwan', '星光湾'], ['xingjiaqiao', '邢家桥'], ['heyueyuan', '和悦苑'], ['jintonglu', '金童路'],
      ['tianhuwan', '天湖湾']] },
  { key: 'dazhulin', name: '大竹林街道', nameEn: 'Dazhulin Subdistrict', center: { lat: 29.64, lng: 106.49 },
    roads: [['大竹林大道', 'Dazhulin Avenue'], ['竹林北路', 'Zhulin North Road'], ['星湖大道', 'Xinghu Avenue'], ['金渝大道西段', 'Jinyu Avenue West']],
    communities: [['zhulinyuan', '竹林苑'], ['longhuwan', '龙湖湾'], ['qingzhulu', '青竹路'], ['jinyuyuan', '金渝苑'],
      ['zhuyunwan', '竹韵湾'], ['xinghulu', '星湖路'], ['songfengyuan', '松风苑']] },
  { key: 'lijia', name: '礼嘉街道', nameEn: 'Lijia Subdistrict', center: { lat: 29.674, lng: 106.492 },
    roads: [['礼嘉大道', 'Lijia Avenue'], ['白云湖路', 'Baiyunhu Road'], ['嘉州大道', 'Jiazhou Avenue'], ['龙塘路', 'Longtang Road']],
    communities: [['lijialu', '礼嘉路'], ['baiyunhu', '白云湖'], ['jiayuewan', '嘉悦湾'], ['longtangyuan', '龙塘苑'],
      ['jiazhoulu', '嘉州路'], ['jinliyuan', '锦礼苑']] },
  { key: 'yuanyang', name: '鸳鸯街道', nameEn: 'Yuanyang Subdistrict', center: { lat: 29.684, lng: 106.532 },
    roads: [['金开大道', 'Jinkai Avenue'], ['鸳鸯大道', 'Yuanyang Avenue'], ['湖彩路', 'Hucai Road'], ['园博大道', 'Yuanbo Avenue']],
    communities: [['yuanyanglu', '鸳鸯路'], ['jinkailu', '金开路'], ['tianhewan', '天和湾'], ['shuangfengyuan', '双凤苑'],
      ['bijinlu', '碧津路'], ['yuanbowan', '园博湾'], ['danheyuan', '丹鹤苑']] },
  { key: 'tiangongdian', name: '天宫殿街道', nameEn: 'Tiangongdian Subdistrict', center: { lat: 29.614, lng: 106.512 },
    roads: [['松石大道', 'Songshi Avenue'], ['天宫殿街', 'Tiangongdian Street'], ['新南路', 'Xinnan Road'], ['黄泥塝路', 'Huangnibang Road']],
    communities: [['tiangonglu', '天宫路'], ['songshilu', '松石路'], ['zijingyuan', '紫荆苑'], ['beichengwan', '北城湾'],
      ['xinpaifang', '新牌坊'], ['qilonglu', '旗龙路'], ['huaxinyuan', '华新苑']] },
  { key: 'jinshan', name: '金山街道', nameEn: 'Jinshan Subdistrict', center: { lat: 29.627, lng: 106.566 },
    roads: [['金山大道', 'Jinshan Avenue'], ['照母山路', 'Zhaomushan Road'], ['金州大道', 'Jinzhou Avenue'], ['汇金路', 'Huijin Road']],
    communities: [['jinshanlu', '金山路'], ['zhaomushan', '照母山'], ['jinzhouyuan', '金州苑'], ['huijinwan', '汇金湾'],
      ['shanshuiyuan', '山水苑']] },
];

/** A compound placed by hand relative to its community office. */
export interface FixedCompound {
  name: string;
  nameEn: string;
  slug: string;
  /** Share of the community's households. */
  share: number;
  /** Metres from the community office and bearing in degrees. */
  meters: number;
  bearing: number;
  /** The compound the community office (居委会) is in. */
  office?: boolean;
  /** Area of the compound's 百通岗 in m², when it has one. */
  deskArea?: number;
}

/**
 * 翠渝路社区: six compounds; the office is in 翠渝新村, and since 2020 the other
 * five each have a 15–150 m² integrated desk. 龙脊山庄 is the farthest, about
 * 1.45 km from the office (15–20 minutes on foot).
 */
// prettier-ignore
export const CUIYULU_COMPOUNDS: readonly FixedCompound[] = [
  { name: '尚格博园', nameEn: 'Shangge Boyuan', slug: 'shanggeboyuan', share: 0.2, meters: 700, bearing: 40, deskArea: 85 },
  { name: '金翠华庭', nameEn: 'Jincui Huating', slug: 'jincuihuating', share: 0.12, meters: 480, bearing: 150, deskArea: 15 },
  { name: '云湖名居', nameEn: 'Yunhu Mingju', slug: 'yunhumingju', share: 0.16, meters: 950, bearing: 255, deskArea: 40 },
  { name: '翠渝新村', nameEn: 'Cuiyu Xincun', slug: 'cuiyuxincun', share: 0.22, meters: 70, bearing: 300, office: true },
  { name: '香樟雅苑', nameEn: 'Xiangzhang Yayuan', slug: 'xiangzhangyayuan', share: 0.18, meters: 1150, bearing: 330, deskArea: 150 },
  { name: '龙脊山庄', nameEn: 'Longji Shanzhuang', slug: 'longjishanzhuang', share: 0.12, meters: 1450, bearing: 200, deskArea: 120 },
];

/** 和睦路社区's compound where about 1,000 foreign residents from 27 countries live. */
export const HEMULU_INTERNATIONAL: FixedCompound = {
  name: '和睦国际花园',
  nameEn: 'Hemu International Garden',
  slug: 'hemuguoji',
  share: 0.3,
  meters: 520,
  bearing: 110,
  deskArea: 140,
};

/** Two-character beginnings of compound names, with pinyin. */
// prettier-ignore
export const COMPOUND_PREFIXES: readonly (readonly [string, string])[] = [
  ['锦绣', 'Jinxiu'], ['阳光', 'Yangguang'], ['金色', 'Jinse'], ['蓝湖', 'Lanhu'], ['龙湾', 'Longwan'],
  ['星河', 'Xinghe'], ['天籁', 'Tianlai'], ['和美', 'Hemei'], ['紫薇', 'Ziwei'], ['翡翠', 'Feicui'],
  ['御景', 'Yujing'], ['观澜', 'Guanlan'], ['鹿山', 'Lushan'], ['云山', 'Yunshan'], ['江屿', 'Jiangyu'],
  ['怡景', 'Yijing'], ['清溪', 'Qingxi'], ['枫林', 'Fenglin'], ['橡树', 'Xiangshu'], ['黄葛', 'Huangge'],
  ['朗晴', 'Langqing'], ['晴川', 'Qingchuan'], ['盛景', 'Shengjing'], ['融景', 'Rongjing'], ['万象', 'Wanxiang'],
  ['嘉和', 'Jiahe'], ['泰和', 'Taihe'], ['康城', 'Kangcheng'], ['山语', 'Shanyu'], ['春风', 'Chunfeng'],
  ['棠颂', 'Tangsong'], ['望江', 'Wangjiang'], ['悦湖', 'Yuehu'], ['湖畔', 'Hupan'], ['半岛', 'Bandao'],
  ['碧水', 'Bishui'], ['青山', 'Qingshan'], ['松林', 'Songlin'], ['竹韵', 'Zhuyun'], ['兰亭', 'Lanting'],
  ['博雅', 'Boya'], ['书香', 'Shuxiang'], ['梧桐', 'Wutong'], ['海棠', 'Haitang'], ['丽景', 'Lijing'],
  ['尚城', 'Shangcheng'], ['融汇', 'Ronghui'], ['天湖', 'Tianhu'], ['幸福', 'Xingfu'], ['金山', 'Jinshan'],
  ['东城', 'Dongcheng'], ['北城', 'Beicheng'], ['新城', 'Xincheng'], ['龙塘', 'Longtang'],
];

/** Two-character endings of compound names, with pinyin. */
// prettier-ignore
export const COMPOUND_SUFFIXES: readonly (readonly [string, string])[] = [
  ['花园', 'Huayuan'], ['华庭', 'Huating'], ['雅苑', 'Yayuan'], ['名居', 'Mingju'], ['家园', 'Jiayuan'],
  ['新村', 'Xincun'], ['丽苑', 'Liyuan'], ['公馆', 'Gongguan'], ['小镇', 'Xiaozhen'], ['美庐', 'Meilu'],
  ['雅居', 'Yaju'], ['天地', 'Tiandi'], ['山庄', 'Shanzhuang'], ['城邦', 'Chengbang'], ['锦园', 'Jinyuan'],
  ['御府', 'Yufu'], ['水郡', 'Shuijun'], ['苑', 'Yuan'],
];

/** Community slugs with a hand-set first-election rule (see `electionRule`). */
export const NEVER_ELECTED = 'jinliyuan';
/** Elected less than a year before the reference date: days before it. */
export const RECENTLY_ELECTED: Readonly<Record<string, number>> = {
  jiazhoulu: 130,
  huijinwan: 250,
  zhuyunwan: 330,
};
/** Elected just over a year before the reference date (the boundary case): days before it. */
export const JUST_ELIGIBLE: Readonly<Record<string, number>> = { tianhuwan: 390 };
/** Long-standing communities named in the report, rated since 2018. */
export const FIXED_ELECTIONS: Readonly<Record<string, string>> = {
  cuiyulu: '2011-06-18',
  hemulu: '2012-09-22',
  yinzhuyuan: '2014-05-10',
};
