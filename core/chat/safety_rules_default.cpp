// The shipped safety rules, compiled in so that the filter works without any file. Same content
// as resources/chat/safety_rules.json, the editable example (safety_filter_test keeps them equal).
namespace medlora::chat {

const char* default_safety_rules_json() {
  return R"json({
    "version": 1,
    "dangerous_advice": [
        {
            "id": "antibiotics-for-cold",
            "category": "antibiotics",
            "description": "Recommends antibiotics for a common cold or flu (viral: antibiotics do not help and breed resistance)",
            "regex": "抗生素|抗菌素|阿莫西林|头孢|阿奇霉素|左氧氟沙星|青霉素|\\bantibiotics?\\b|\\bamoxicillin\\b|\\bazithromycin\\b|\\bcephalexin\\b|\\bpenicillin\\b|\\b(cipro|levo)floxacin\\b",
            "requires": "感冒|流感|伤风|病毒感染|上呼吸道感染|\\bcommon cold\\b|\\bcolds?\\b|\\bflu\\b|\\binfluenza\\b|\\bviral\\b",
            "unless": "不需要|不需|无需|不必|没必要|不建议|不推荐|不要|不能|不应|避免|无效|没有用|没用|滥用|医生|医嘱|处方|细菌|\\bnot?\\b|\\bdon'?t\\b|\\bdoesn'?t\\b|\\bwon'?t\\b|\\bnever\\b|\\bavoid\\b|\\bunnecessary\\b|\\bineffective\\b|\\bonly if\\b|\\bdoctor\\b|\\bprescri|\\bbacterial\\b"
        },
        {
            "id": "stop-prescribed-medication",
            "category": "medication-stop",
            "description": "Tells the patient to stop prescribed medication on their own",
            "regex": "停药|停用|停掉|停服|停止服用|停止用药|不用再?吃药|不用再?服药|不必再?吃药|\\b(stop|stopping|quit|discontinue) (taking )?(your |the |all )?(medications?|medicines?|pills|insulin|tablets|drugs)\\b",
            "unless": "不要|不能|不可|切勿|千万|不宜|不应|遵医嘱|医生(指导|同意|建议|的指导)|咨询医生|\\bdon'?t\\b|\\bdo not\\b|\\bnever\\b|\\bshould not\\b|\\bwithout (first )?(talking|consulting|checking|asking)|\\b(your|a) (doctor|physician)\\b|\\bconsult"
        },
        {
            "id": "absolute-guarantee",
            "category": "guarantee",
            "description": "Promises a certain cure or absolute safety (绝对治愈, 保证治愈, 100% cure, no side effects)",
            "regex": "保证(能|可以|会)?(治愈|治好|根治|痊愈|康复|有效)|绝对(能|可以|会|不会)?(治愈|治好|根治|痊愈|康复|安全|有效|没问题|没有副作用|无副作用|不会复发)|百分之百|100\\s*[%％]\\s*(治愈|治好|有效|安全|cure|effective|safe|guaranteed)|一定能?(治愈|治好|根治)|彻底根治|永不复发|\\bguarantee[sd]?\\b.{0,20}\\b(cure|recovery|results?|heal)|\\b(100|one hundred) ?(%|percent) (cure|curable|effective|safe|guaranteed)|\\bcompletely cures?\\b|\\bno side effects\\b|\\bwill definitely (cure|heal|work)\\b|\\bmiracle cure",
            "unless": "不能|无法|不存在|没有任何|没有哪种|\\bnot\\b|\\bcannot\\b|\\bcan'?t\\b|\\bno (treatment|drug|medicine|one)\\b"
        },
        {
            "id": "paracetamol-overdose",
            "category": "dose",
            "description": "Paracetamol/acetaminophen dose of 5 g or more (the adult maximum is 4 g a day)",
            "regex": "(对乙酰氨基酚|扑热息痛|泰诺|必理通|acetaminophen|paracetamol|tylenol)[^。！？\\n]{0,40}?((?<![\\d.])([5-9]|[1-9]\\d)\\s*(g|克|grams?)(?![a-z])|(?<![\\d.])([5-9]\\d{3}|[1-9]\\d{4,})\\s*(mg|毫克))",
            "unless": "超过|不要|不能|不可|切勿|以上|中毒|过量|肝损伤|\\bexceed|\\bmore than\\b|\\bover\\b|\\boverdose|\\btoxic|\\bnot\\b|\\bnever\\b|\\bdon'?t\\b|\\bliver damage"
        },
        {
            "id": "ibuprofen-overdose",
            "category": "dose",
            "description": "Ibuprofen dose of 4 g (4000 mg) or more (the usual maximum is 1.2 g a day without a prescription, 3.2 g with one)",
            "regex": "(布洛芬|芬必得|ibuprofen|advil|motrin)[^。！？\\n]{0,40}?((?<![\\d.])([4-9]|[1-9]\\d)\\s*(g|克|grams?)(?![a-z])|(?<![\\d.])([4-9]\\d{3}|[1-9]\\d{4,})\\s*(mg|毫克))",
            "unless": "超过|不要|不能|不可|切勿|以上|中毒|过量|\\bexceed|\\bmore than\\b|\\bover\\b|\\boverdose|\\btoxic|\\bnot\\b|\\bnever\\b|\\bdon'?t\\b"
        },
        {
            "id": "double-dose",
            "category": "dose",
            "description": "Advises doubling a dose",
            "regex": "加倍(服用|吃|用药|剂量)|双倍剂量|吃双倍|\\bdouble (the |your |a )?dose\\b|\\btake twice (the|as much)\\b",
            "unless": "不要|不能|不可|切勿|不宜|不应|\\bdon'?t\\b|\\bdo not\\b|\\bnever\\b|\\bshould not\\b|\\bnot\\b"
        },
        {
            "id": "no-need-for-doctor",
            "category": "delay-care",
            "description": "Tells the patient there is no need to see a doctor",
            "regex": "(不用|不需要|无需|不必|没必要)(去)?(看医生|就医|就诊|去医院|看病)|\\bno need to (see|visit) a doctor\\b|\\byou don'?t need (to see )?a doctor\\b",
            "unless": "如果|若|除非|但|一旦|\\bif\\b|\\bunless\\b|\\bbut\\b"
        }
    ],
    "emergency_symptoms": [
        {
            "id": "chest-pain",
            "description": "Chest pain (heart attack, aortic dissection, pulmonary embolism)",
            "phrases": ["胸痛", "胸口痛", "胸口疼", "心前区疼痛", "chest pain", "chest pains", "crushing chest"]
        },
        {
            "id": "unconscious",
            "description": "Loss of consciousness",
            "phrases": ["昏迷", "意识不清", "不省人事", "叫不醒", "晕倒", "unconscious", "coma", "passed out", "unresponsive", "fainted"]
        },
        {
            "id": "severe-bleeding",
            "description": "Severe bleeding",
            "phrases": ["大出血", "大量出血", "出血不止", "吐血", "呕血", "severe bleeding", "heavy bleeding", "bleeding heavily", "won't stop bleeding", "vomiting blood"]
        },
        {
            "id": "breathing-difficulty",
            "description": "Difficulty breathing",
            "phrases": ["呼吸困难", "喘不上气", "喘不过气", "窒息", "difficulty breathing", "shortness of breath", "can't breathe", "cannot breathe", "trouble breathing", "choking"]
        },
        {
            "id": "stroke-signs",
            "description": "Signs of a stroke",
            "phrases": ["中风", "口角歪斜", "半身不遂", "一侧肢体无力", "stroke", "face drooping", "slurred speech"]
        },
        {
            "id": "seizure",
            "description": "Seizure",
            "phrases": ["抽搐", "癫痫发作", "seizure", "seizures", "convulsion*"]
        },
        {
            "id": "suicide",
            "description": "Thoughts of suicide or self-harm",
            "phrases": ["自杀", "轻生", "不想活", "suicid*", "kill myself", "self-harm"]
        },
        {
            "id": "poisoning",
            "description": "Poisoning or overdose",
            "phrases": ["中毒", "误服", "喝了农药", "poisoning", "poisoned", "overdose", "overdosed"]
        }
    ],
    "emergency_advice": ["立即就医", "立刻就医", "马上就医", "尽快就医", "及时就医", "紧急就医", "立即就诊", "立刻就诊", "尽快就诊", "急诊", "拨打120", "打120", "叫120", "120急救", "急救", "救护车", "立即去医院", "马上去医院", "送医", "call 911", "911", "999", "112", "ambulance", "emergency room", "emergency department", "emergency services", "emergency number", "ER", "A&E", "urgent care", "seek immediate", "seek medical attention", "medical attention immediately", "go to the hospital", "see a doctor immediately", "see a doctor right away"],
    "emergency_notice": {
        "zh": "您描述的症状可能是急症。请立即拨打120或前往最近医院的急诊，不要等待线上回答。",
        "en": "The symptoms you describe may be a medical emergency. Call your local emergency number (120 in China, 911 in the US) or go to the nearest emergency department now; do not wait for an online answer."
    },
    "disclaimer": {
        "zh": "以上回答由AI模型生成，仅供参考，不能替代执业医师的诊断和治疗。如有不适，请及时就医。",
        "en": "This answer was generated by an AI model for reference only and does not replace diagnosis or treatment by a licensed physician. If you feel unwell, please see a doctor."
    }
})json";
}

}  // namespace medlora::chat
