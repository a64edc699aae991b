// How each modus operandi looks in the demo (domain.md §6): who is recruited, how, where to,
// and how they are controlled. Plain data so the shape of the dataset can be reviewed at a glance.
import type { BorderPost, Industry } from "../generated/prisma/client.ts";
import type { CONTROL_METHODS, MODUS, PERPETRATOR_ROLES, RECRUITMENT_METHODS } from "../domain/vocabulary";

export type Modus = (typeof MODUS)[number];
type Control = (typeof CONTROL_METHODS)[number];
type Recruitment = (typeof RECRUITMENT_METHODS)[number];
type Role = (typeof PERPETRATOR_ROLES)[number];
type Weighted<T> = readonly (readonly [T, number])[];

export interface ModusProfile {
  /** Relative frequency among Kalbar / Kalsel cases. */
  weight: { "61": number; "63": number };
  destinations: Weighted<string>;
  /** Probability that a victim is a woman or girl. */
  female: number;
  /** Age at exploitation: adults drawn from [min, max]; `child` is the share of victims under 18. */
  age: { min: number; max: number; child: number };
  /** Victims per case. */
  victims: Weighted<number>;
  industry: Weighted<Industry | null>;
  recruitment: Weighted<Recruitment>;
  control: readonly Control[];
  /** Role sets suspects take in this modus (one set per suspect). */
  suspectRoles: readonly (readonly Role[])[];
  /** Travel is labour migration BP3MI would record (a placement, procedural or not). */
  placement: number;
  /** Share of placements that went through the procedure (registered P3MI, ID PMI). */
  procedural: number;
  label: string;
  story: string;
}

const SMALL: Weighted<number> = [[1, 30], [2, 30], [3, 20], [4, 12], [5, 8]];
const GROUP: Weighted<number> = [[1, 10], [2, 15], [3, 20], [4, 17], [5, 13], [6, 10], [8, 8], [10, 5], [12, 2]];

export const PROFILES: Record<Modus, ModusProfile> = {
  MAIL_ORDER_BRIDE: {
    weight: { "61": 16, "63": 3 }, destinations: [["CN", 70], ["TW", 20], ["HK", 10]], female: 1,
    age: { min: 18, max: 27, child: 0.3 }, victims: SMALL, industry: [[null, 70], ["A_AgricultureForestryAndFishing", 30]],
    recruitment: [["ThroughFamilyOrFamilyEvents", 35], ["ThroughFriendsOrSocialEvents", 35], ["ThroughOnlineSocialNetworks", 30]],
    control: ["FalsePromises", "RestrictsMovement", "WithholdsDocuments", "PsychologicalAbuse", "PhysicalAbuse", "SexualAbuse", "RestrictsFinancialAccess"],
    suspectRoles: [["RecruiterOrIntermediary"], ["BrokerTravelAgent"], ["RecruiterOrIntermediary", "Sponsor"], ["BoughtIndividual"]],
    placement: 0, procedural: 0, label: "Pengantin pesanan",
    story: "{victims} dijodohkan oleh mak comblang dengan laki-laki asal {country} dengan janji hidup berkecukupan; umur korban dituakan pada dokumen. Setelah menikah korban dibawa ke {city} dan dipaksa bekerja tanpa upah serta dilarang menghubungi keluarga.",
  },
  CONTRACT_MARRIAGE: {
    weight: { "61": 5, "63": 1 }, destinations: [["CN", 45], ["TW", 20], ["HK", 10], ["MY", 25]], female: 1,
    age: { min: 18, max: 30, child: 0.25 }, victims: SMALL, industry: [[null, 100]],
    recruitment: [["ThroughFamilyOrFamilyEvents", 50], ["ThroughFriendsOrSocialEvents", 35], ["ThroughOnlineSocialNetworks", 15]],
    control: ["FalsePromises", "RestrictsMovement", "WithholdsDocuments", "PsychologicalAbuse", "SexualAbuse", "TakesEarnings"],
    suspectRoles: [["RecruiterOrIntermediary"], ["BrokerTravelAgent", "Sponsor"], ["BoughtIndividual"]],
    placement: 0, procedural: 0, label: "Kawin kontrak",
    story: "{victims} dinikahkan secara kontrak melalui perantara dengan imbalan uang kepada keluarga, lalu dibawa ke {city}, {country}. Korban ditelantarkan setelah kontrak berakhir.",
  },
  DOMESTIC_WORKER: {
    weight: { "61": 14, "63": 30 }, destinations: [["MY", 60], ["SA", 20], ["HK", 8], ["SG", 7], ["TW", 5]], female: 0.92,
    age: { min: 19, max: 45, child: 0.05 }, victims: SMALL, industry: [["T_ActivitiesOfHouseholdsAsEmployers", 100]],
    recruitment: [["ThroughFriendsOrSocialEvents", 35], ["ThroughOnlineSocialNetworks", 30], ["ThroughFamilyOrFamilyEvents", 15], ["AtAPlaceOfBusiness", 20]],
    control: ["WithholdsDocuments", "TakesEarnings", "ExcessiveWorkingHours", "RestrictsMovement", "PhysicalAbuse", "WithholdsNecessities", "DebtBondage"],
    suspectRoles: [["RecruiterOrIntermediary"], ["Sponsor", "RecruiterOrIntermediary"], ["P3miCompany"], ["Transporter"], ["Exploiter"]],
    placement: 0.85, procedural: 0.3, label: "Pekerja rumah tangga",
    story: "{victims} direkrut sebagai pekerja rumah tangga ke {city}, {country} dengan janji gaji tinggi. Paspor ditahan majikan, korban bekerja lebih dari 16 jam sehari dan gaji tidak dibayar berbulan-bulan.",
  },
  SHOP_KEEPER: {
    weight: { "61": 10, "63": 2 }, destinations: [["MY", 90], ["BN", 10]], female: 0.97,
    age: { min: 16, max: 24, child: 0.45 }, victims: SMALL, industry: [["I_AccommodationAndFoodServiceActivities", 60], [null, 40]],
    recruitment: [["ThroughOnlineSocialNetworks", 50], ["ThroughFriendsOrSocialEvents", 35], ["ThroughAnOnlineAdvertisement", 15]],
    control: ["FalsePromises", "DebtBondage", "RestrictsMovement", "WithholdsDocuments", "PhysicalThreats", "PsychoactiveSubstance", "SexualAbuse"],
    suspectRoles: [["RecruiterOrIntermediary"], ["Transporter", "Smuggler"], ["Exploiter", "HarbouredIndividual"], ["Sponsor"]],
    placement: 0.2, procedural: 0, label: "Penjaga toko",
    story: "{victims} ditawari pekerjaan sebagai penjaga toko di {city}, {country} melalui {app}. Korban diseberangkan lewat {post}, ditampung di sebuah mes, lalu dipaksa melayani tamu untuk membayar utang perjalanan.",
  },
  SCAM_COMPOUND_IT_OPERATOR: {
    weight: { "61": 12, "63": 12 }, destinations: [["KH", 50], ["MM", 25], ["TH", 10], ["LA", 10], ["PH", 5]], female: 0.4,
    age: { min: 19, max: 35, child: 0.02 }, victims: GROUP, industry: [["N_AdministrativeAndSupportServiceActivities", 50], ["R_ArtsEntertainmentAndRecreation", 30], ["J_InformationAndCommunication", 20]],
    recruitment: [["ThroughAnOnlineAdvertisement", 45], ["ThroughOnlineSocialNetworks", 35], ["ThroughFriendsOrSocialEvents", 20]],
    control: ["FalsePromises", "PhysicalAbuse", "PhysicalThreats", "RestrictsMovement", "DebtBondage", "WithholdsDocuments", "ExcessiveWorkingHours", "ThreatsLawEnforcement"],
    suspectRoles: [["RecruiterOrIntermediary"], ["BrokerTravelAgent"], ["Exploiter", "ControlledIndividual"], ["Transporter"]],
    placement: 0.35, procedural: 0, label: "Operator penipuan daring",
    story: "{victims} direkrut lewat lowongan kerja admin/operator IT di {app} dengan gaji besar, diberangkatkan ke {city}, {country} dan dipaksa menjalankan penipuan daring dengan target harian; yang tidak mencapai target dipukul dan didenda.",
  },
  MANDARIN_TRANSLATOR: {
    weight: { "61": 5, "63": 1 }, destinations: [["KH", 60], ["MM", 20], ["TH", 20]], female: 0.55,
    age: { min: 19, max: 32, child: 0.02 }, victims: SMALL, industry: [["N_AdministrativeAndSupportServiceActivities", 70], ["R_ArtsEntertainmentAndRecreation", 30]],
    recruitment: [["ThroughOnlineSocialNetworks", 50], ["ThroughFriendsOrSocialEvents", 35], ["AtAnEducationalInstitution", 15]],
    control: ["FalsePromises", "PhysicalThreats", "RestrictsMovement", "WithholdsDocuments", "DebtBondage", "ExcessiveWorkingHours"],
    suspectRoles: [["RecruiterOrIntermediary"], ["BrokerTravelAgent"], ["Exploiter"]],
    placement: 0.3, procedural: 0, label: "Penerjemah Mandarin",
    story: "{victims} yang fasih berbahasa Mandarin dijanjikan pekerjaan penerjemah di {city}, {country}, ternyata dipekerjakan di kompleks judi dan penipuan daring dan tidak boleh keluar sebelum membayar tebusan.",
  },
  ILLEGAL_MIGRANT_WORKER_DISPATCH: {
    weight: { "61": 18, "63": 6 }, destinations: [["MY", 95], ["BN", 5]], female: 0.35,
    age: { min: 18, max: 50, child: 0.04 }, victims: GROUP, industry: [["A_AgricultureForestryAndFishing", 50], ["C_Manufacturing", 25], ["F_Construction", 25]],
    recruitment: [["ThroughFriendsOrSocialEvents", 40], ["ThroughFamilyOrFamilyEvents", 20], ["ThroughOnlineSocialNetworks", 30], ["AtAPlaceOfBusiness", 10]],
    control: ["DebtBondage", "WithholdsDocuments", "TakesEarnings", "ExcessiveWorkingHours", "ThreatsLawEnforcement", "WithholdsNecessities", "RestrictsMedicalCare"],
    suspectRoles: [["Sponsor", "RecruiterOrIntermediary"], ["Transporter", "Smuggler"], ["P3miCompany"], ["Smuggler"]],
    placement: 0.9, procedural: 0, label: "Pengiriman PMI nonprosedural",
    story: "{victims} diberangkatkan tanpa dokumen kerja oleh sponsor melalui {post} ke {city}, {country}. Biaya perjalanan dipotong dari gaji sehingga korban terjerat utang.",
  },
  PLANTATION_WORKER: {
    weight: { "61": 10, "63": 4 }, destinations: [["MY", 100]], female: 0.2,
    age: { min: 18, max: 50, child: 0.05 }, victims: GROUP, industry: [["A_AgricultureForestryAndFishing", 85], ["C_Manufacturing", 15]],
    recruitment: [["ThroughFriendsOrSocialEvents", 45], ["ThroughFamilyOrFamilyEvents", 25], ["ThroughOnlineSocialNetworks", 30]],
    control: ["DebtBondage", "WithholdsDocuments", "TakesEarnings", "ExcessiveWorkingHours", "ThreatsLawEnforcement", "WithholdsNecessities", "RestrictsMedicalCare", "PhysicalThreats"],
    suspectRoles: [["RecruiterOrIntermediary"], ["Transporter"], ["Exploiter"], ["P3miCompany"], ["Sponsor"]],
    placement: 0.85, procedural: 0.25, label: "Pekerja perkebunan",
    story: "{victims} dijanjikan kerja di perkebunan kelapa sawit di sekitar {city}, {country}. Di lokasi, dokumen ditahan, gaji dipotong untuk utang dan korban bekerja tanpa alat keselamatan.",
  },
  OVERSEAS_INTERNSHIP: {
    weight: { "61": 3, "63": 2 }, destinations: [["JP", 30], ["TW", 30], ["DE", 20], ["MY", 20]], female: 0.5,
    age: { min: 18, max: 23, child: 0.05 }, victims: GROUP, industry: [["C_Manufacturing", 50], ["A_AgricultureForestryAndFishing", 30], ["H_TransportationAndStorage", 20]],
    recruitment: [["AtAnEducationalInstitution", 80], ["ThroughOnlineSocialNetworks", 20]],
    control: ["FalsePromises", "ExcessiveWorkingHours", "DebtBondage", "WithholdsDocuments", "TakesEarnings"],
    suspectRoles: [["RecruiterOrIntermediary"], ["BrokerTravelAgent"], ["Sponsor"]],
    placement: 0.6, procedural: 0.5, label: "Magang luar negeri",
    story: "{victims} (mahasiswa/siswa) diikutkan program magang ke {city}, {country}, lalu dipekerjakan sebagai buruh kasar dengan biaya program yang harus dicicil dari upah.",
  },
  ONLINE_RECRUITMENT: {
    weight: { "61": 5, "63": 4 }, destinations: [["MY", 40], ["KH", 25], ["SA", 10], ["AE", 10], ["MM", 15]], female: 0.6,
    age: { min: 18, max: 35, child: 0.08 }, victims: SMALL, industry: [["G_WholesaleAndRetailTrade", 30], ["I_AccommodationAndFoodServiceActivities", 40], [null, 30]],
    recruitment: [["ThroughOnlineSocialNetworks", 60], ["ThroughAnOnlineAdvertisement", 40]],
    control: ["FalsePromises", "DebtBondage", "WithholdsDocuments", "RestrictsMovement", "TakesEarnings"],
    suspectRoles: [["RecruiterOrIntermediary"], ["BrokerTravelAgent"], ["Exploiter"]],
    placement: 0.3, procedural: 0, label: "Rekrutmen daring",
    story: "{victims} menanggapi lowongan kerja di {app} untuk bekerja di {city}, {country}; setibanya di sana pekerjaan berbeda dari yang dijanjikan dan korban tidak dapat pulang karena utang.",
  },
  OTHER: {
    weight: { "61": 2, "63": 3 }, destinations: [["ID", 60], ["MY", 40]], female: 0.6,
    age: { min: 16, max: 40, child: 0.2 }, victims: SMALL, industry: [[null, 60], ["I_AccommodationAndFoodServiceActivities", 40]],
    recruitment: [["ThroughFriendsOrSocialEvents", 50], ["Other", 50]],
    control: ["FalsePromises", "DebtBondage", "Other"],
    suspectRoles: [["RecruiterOrIntermediary"], ["Other"]],
    placement: 0, procedural: 0, label: "Lainnya",
    story: "{victims} dibawa ke {city}, {country} dengan janji pekerjaan dan dieksploitasi oleh pihak yang menampung.",
  },
};

export const COUNTRY_NAME: Record<string, string> = {
  ID: "Indonesia", MY: "Malaysia", CN: "Tiongkok", TW: "Taiwan", HK: "Hong Kong", SA: "Arab Saudi", SG: "Singapura",
  BN: "Brunei Darussalam", KH: "Kamboja", TH: "Thailand", MM: "Myanmar", LA: "Laos", PH: "Filipina", JP: "Jepang",
  DE: "Jerman", AE: "Uni Emirat Arab",
};

export const CITIES: Record<string, readonly string[]> = {
  ID: ["Batam", "Jakarta", "Tanjung Pinang"],
  MY: ["Kuching", "Sibu", "Bintulu", "Miri", "Sri Aman", "Serian", "Kota Kinabalu", "Kuala Lumpur", "Johor Bahru"],
  CN: ["Guangzhou", "Shenzhen", "Fuzhou", "Zhengzhou", "Shijiazhuang", "Handan"],
  TW: ["Taichung", "Taoyuan", "Kaohsiung", "Tainan"],
  HK: ["Hong Kong"],
  SA: ["Riyadh", "Jeddah", "Dammam"],
  SG: ["Singapore"],
  BN: ["Bandar Seri Begawan"],
  KH: ["Sihanoukville", "Phnom Penh", "Bavet", "Poipet"],
  TH: ["Mae Sot", "Bangkok"],
  MM: ["Myawaddy", "Tachileik"],
  LA: ["Bokeo"],
  PH: ["Pampanga"],
  JP: ["Osaka", "Nagoya"],
  DE: ["Hamburg", "Munich"],
  AE: ["Dubai"],
};

/** Exit point on the way to a destination, by the victim's province. */
export function departurePosts(destination: string, province: "61" | "63"): Weighted<BorderPost> {
  if (province === "63") {
    return destination === "ID"
      ? [["SEAPORT_TRISAKTI_BANJARMASIN", 100]]
      : [["AIRPORT_SYAMSUDIN_NOOR_BANJARMASIN", 65], ["SEAPORT_TRISAKTI_BANJARMASIN", 10], ["OTHER", 25]];
  }
  switch (destination) {
    case "ID":
      return [["SEAPORT_DWIKORA_PONTIANAK", 70], ["OTHER", 30]];
    case "MY":
    case "BN":
      return [["PLBN_ENTIKONG", 45], ["INFORMAL_PATH", 25], ["PLBN_ARUK", 12], ["PLBN_NANGA_BADAU", 8], ["PLBN_JAGOI_BABANG", 8], ["AIRPORT_SUPADIO_PONTIANAK", 2]];
    case "CN":
    case "TW":
    case "HK":
    case "KH":
    case "TH":
    case "MM":
    case "LA":
    case "PH":
      return [["AIRPORT_SUPADIO_PONTIANAK", 55], ["PLBN_ENTIKONG", 40], ["OTHER", 5]];
    default:
      return [["AIRPORT_SUPADIO_PONTIANAK", 80], ["OTHER", 20]];
  }
}

export const POST_NAME: Record<BorderPost, string> = {
  PLBN_ENTIKONG: "PLBN Entikong",
  PLBN_ARUK: "PLBN Aruk",
  PLBN_NANGA_BADAU: "PLBN Nanga Badau",
  PLBN_JAGOI_BABANG: "PLBN Jagoi Babang",
  PLBN_SEI_KELIK: "PLBN Sei Kelik",
  SAJINGAN: "Pos lintas batas Sajingan",
  AIRPORT_SUPADIO_PONTIANAK: "Bandara Supadio Pontianak",
  AIRPORT_SYAMSUDIN_NOOR_BANJARMASIN: "Bandara Syamsudin Noor Banjarmasin",
  SEAPORT_DWIKORA_PONTIANAK: "Pelabuhan Dwikora Pontianak",
  SEAPORT_TRISAKTI_BANJARMASIN: "Pelabuhan Trisakti Banjarmasin",
  INFORMAL_PATH: "jalur tidak resmi (jalan tikus)",
  OTHER: "Bandara Soekarno-Hatta (transit Jakarta)",
};

/** Immigration office that records crossings at a post; null where no Kalimantan office does. */
export const POST_OFFICE: Record<BorderPost, string | null> = {
  PLBN_ENTIKONG: "IMIGRASI-ENTIKONG",
  PLBN_ARUK: "IMIGRASI-SAMBAS",
  PLBN_NANGA_BADAU: "IMIGRASI-PUTUSSIBAU",
  PLBN_JAGOI_BABANG: "IMIGRASI-SINGKAWANG",
  PLBN_SEI_KELIK: "IMIGRASI-PUTUSSIBAU",
  SAJINGAN: "IMIGRASI-SAMBAS",
  AIRPORT_SUPADIO_PONTIANAK: "IMIGRASI-PONTIANAK",
  AIRPORT_SYAMSUDIN_NOOR_BANJARMASIN: "IMIGRASI-BANJARMASIN",
  SEAPORT_DWIKORA_PONTIANAK: "IMIGRASI-PONTIANAK",
  SEAPORT_TRISAKTI_BANJARMASIN: "IMIGRASI-BANJARMASIN",
  INFORMAL_PATH: "IMIGRASI-ENTIKONG", // learnt afterwards, from deportee interviews
  OTHER: null,
};

/** Pengadilan negeri by kabupaten/kota, with the abbreviation used in case numbers. */
export const COURTS: Record<string, readonly [string, string]> = {
  "61.01": ["Pengadilan Negeri Sambas", "Sbs"], "61.02": ["Pengadilan Negeri Mempawah", "Mpw"],
  "61.03": ["Pengadilan Negeri Sanggau", "Sag"], "61.04": ["Pengadilan Negeri Ketapang", "Ktp"],
  "61.05": ["Pengadilan Negeri Sintang", "Stg"], "61.06": ["Pengadilan Negeri Putussibau", "Pts"],
  "61.07": ["Pengadilan Negeri Bengkayang", "Bek"], "61.08": ["Pengadilan Negeri Ngabang", "Nba"],
  "61.09": ["Pengadilan Negeri Sanggau", "Sag"], "61.10": ["Pengadilan Negeri Sintang", "Stg"],
  "61.11": ["Pengadilan Negeri Ketapang", "Ktp"], "61.12": ["Pengadilan Negeri Mempawah", "Mpw"],
  "61.71": ["Pengadilan Negeri Pontianak", "Ptk"], "61.72": ["Pengadilan Negeri Singkawang", "Skw"],
  "63.01": ["Pengadilan Negeri Pelaihari", "Pli"], "63.02": ["Pengadilan Negeri Kotabaru", "Ktb"],
  "63.03": ["Pengadilan Negeri Martapura", "Mtp"], "63.04": ["Pengadilan Negeri Marabahan", "Mrh"],
  "63.05": ["Pengadilan Negeri Rantau", "Rta"], "63.06": ["Pengadilan Negeri Kandangan", "Kgn"],
  "63.07": ["Pengadilan Negeri Barabai", "Brb"], "63.08": ["Pengadilan Negeri Amuntai", "Amt"],
  "63.09": ["Pengadilan Negeri Tanjung", "Tjg"], "63.10": ["Pengadilan Negeri Batulicin", "Bln"],
  "63.11": ["Pengadilan Negeri Paringin", "Prn"], "63.71": ["Pengadilan Negeri Banjarmasin", "Bjm"],
  "63.72": ["Pengadilan Negeri Banjarbaru", "Bjb"],
};
