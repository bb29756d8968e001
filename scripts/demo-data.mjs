// The demo community: the week of 13-20 January 2025, when TikTok users arrived on
// RedNote. Plain data; scripts/seed-sql.mjs turns it into rows with fixed ids.
//
// Every demo user signs in with their phone number (E.164 below) and this password:
export const DEMO_PASSWORD = "notebridge-demo";
//
// Phone numbers: the US 555-01xx and London 020 7946 0xxx ranges are reserved for
// fiction. China, Taiwan, Brazil, Mexico and Spain reserve none, so theirs are
// valid-looking numbers padded with zeros. All pass libphonenumber's full metadata.
//
// Times are UTC. A comment's `after` is counted from its note's time; a reply answers
// its top-level comment unless `to` names someone earlier in the thread.

/** Keyed by a short handle that the notes, likes and follows below refer to. */
export const users = {
  xiaoyu: {
    phone: { region: "CN", number: "+8613500000101" },
    nickname: "猫税局局长",
    bio: "广州 | 三只猫的铲屎官 🐱🐱🐱 专开猫税收据 🧾 Cat tax receipts issued here",
    languages: ["zh-Hans", "en"],
    ip: { country: "CN", region: "Guangdong" },
    joined: "2021-03-08T12:00:00Z",
  },
  chen: {
    phone: { region: "CN", number: "+8613900000102" },
    nickname: "成都胖厨子 🌶️",
    bio: "川菜厨师，教外国朋友做家常菜。Home cooking, explained slowly 🍳",
    languages: ["zh-Hans"],
    ip: { country: "CN", region: "Sichuan" },
    joined: "2019-06-21T10:30:00Z",
  },
  linlin: {
    phone: { region: "CN", number: "+8615800000103" },
    nickname: "林林不想写作业",
    bio: "杭州初三学生 📚 想练英语口语，can teach you Chinese in return!",
    languages: ["zh-Hans", "en"],
    ip: { country: "CN", region: "Zhejiang" },
    joined: "2023-09-01T09:15:00Z",
  },
  wang: {
    phone: { region: "CN", number: "+8618600000104" },
    nickname: "弄堂王阿姨",
    bio: "上海本帮菜，做了四十年。外国小朋友来学做菜，阿姨欢迎 😊",
    languages: ["zh-Hans"],
    ip: { country: "CN", region: "Shanghai" },
    joined: "2020-11-11T02:00:00Z",
  },
  mei: {
    phone: { region: "TW", number: "+886912000101" },
    nickname: "阿美在台北 🧋",
    bio: "台北上班族，週末都在夜市。歡迎來台灣玩！",
    languages: ["zh-Hant", "en"],
    ip: { country: "TW", region: null },
    joined: "2022-05-20T05:20:00Z",
  },
  ashley: {
    phone: { region: "US", number: "+16145550142" },
    nickname: "莉莉的猫妈妈🐱",
    bio: "Columbus, Ohio. Cat mom to Lili. TikTok refugee learning 中文 one word a day 🫡",
    languages: ["en"],
    ip: { country: "US", region: null },
    joined: "2025-01-13T14:20:00Z",
  },
  marcus: {
    phone: { region: "US", number: "+15205550187" },
    nickname: "沙漠仙人掌先生 🌵",
    bio: "Tucson, AZ. Desert, dogs and a very old saguaro. Ask me anything about Arizona!",
    languages: ["en", "es"],
    ip: { country: "US", region: null },
    joined: "2025-01-13T16:05:00Z",
  },
  oliver: {
    phone: { region: "GB", number: "+442079460321" },
    nickname: "伦敦茶男孩 ☕",
    bio: "London. Tea, football and a Duolingo streak of 4 days. Please explain the slang 🙏",
    languages: ["en"],
    ip: { country: "GB", region: null },
    joined: "2025-01-13T20:45:00Z",
  },
  tyler: {
    phone: { region: "US", number: "+17135550119" },
    nickname: "泰勒不会数学 😭",
    bio: "Junior in Houston. Precalc is ruining my life. Will trade English help for math help",
    languages: ["en"],
    ip: { country: "US", region: null },
    joined: "2025-01-14T01:30:00Z",
  },
  diego: {
    phone: { region: "MX", number: "+523310000101" },
    nickname: "Diego 墨西哥卷饼 🌮",
    bio: "Guadalajara 🇲🇽 Cocinero aficionado. Cambio recetas mexicanas por recetas chinas.",
    languages: ["es", "en"],
    ip: { country: "MX", region: null },
    joined: "2025-01-14T03:10:00Z",
  },
  ana: {
    phone: { region: "BR", number: "+5511980000101" },
    nickname: "Ana e o Feijão 🐈‍⬛",
    bio: "São Paulo 🇧🇷 Veterinária, mãe do Feijão. Aprendendo mandarim devagarinho.",
    languages: ["pt-BR", "en"],
    ip: { country: "BR", region: null },
    joined: "2025-01-14T11:40:00Z",
  },
  lucia: {
    phone: { region: "ES", number: "+34611000101" },
    nickname: "Lucía 学写汉字 ✍️",
    bio: "Madrid. Profesora de dibujo aprendiendo a escribir caracteres chinos a mano.",
    languages: ["es", "en", "zh-Hans"],
    ip: { country: "ES", region: null },
    joined: "2025-01-14T18:25:00Z",
  },
};

const media = (file, width, height, alt, type = "image") => ({
  type,
  url: `https://media.notebridge.example/demo/${file}`,
  width,
  height,
  alt,
});

/** `topics` are stored normalised: NFKC, lower case, no '#'; they include the body's #tags. */
export const notes = {
  lili: {
    author: "ashley",
    at: "2025-01-13T15:02:00Z",
    language: "en",
    title: "My first post! Here is my cat tax 🐱",
    body: "Hi RedNote! 你好！I just got here from TikTok and people told me there is a cat tax, so this is Lili. She is 4, she loves Amazon boxes and she says 喵. #cattax #TikTokRefugee",
    topics: ["cattax", "tiktokrefugee", "猫"],
    media: [
      media("lili-in-a-box.jpg", 1080, 1440, "A grey tabby cat sitting in a cardboard box, looking up at the camera"),
      media("lili-asleep.jpg", 1080, 1080, "The same cat asleep on a laptop keyboard"),
    ],
    place: { name: "Columbus, Ohio", latitude: 39.9612, longitude: -82.9988 },
    comments: [
      {
        by: "xiaoyu",
        after: "25m",
        language: "zh-Hans",
        body: "🧾 猫税收据 No.0001\n纳税猫：Lili（美国俄亥俄州）\n税种：可爱税\n金额：正脸照一张 ✅ 已缴清\nCat tax received, thank you for your cooperation 😹",
        replies: [
          { by: "ashley", after: "1h", language: "en", body: "A RECEIPT?? 😂 I'm framing this. Lili says 谢谢 (I used a translator, is that right?)" },
          { by: "xiaoyu", to: "ashley", after: "80m", language: "zh-Hans", body: "完全正确！Your Chinese is 绝绝子 👍" },
          { by: "chen", after: "2h", language: "zh-Hans", body: "局长又在加班开收据 😂" },
        ],
      },
      {
        by: "chen",
        after: "40m",
        language: "zh-Hans",
        body: "好可爱！我家的猫叫汤圆，也来交个税 🐱 Here is my cat Tangyuan",
        replies: [
          { by: "ashley", after: "70m", language: "en", body: "Tangyuan is so fluffy!! What does 汤圆 mean?" },
          { by: "linlin", to: "ashley", after: "3h", language: "en", body: "汤圆 = sweet rice ball 🍡, we eat it at Lantern Festival. Lots of Chinese cats are named after food 😂" },
        ],
      },
      { by: "mei", after: "5h", language: "zh-Hant", body: "Lili 好漂亮！歡迎來到小紅書 🧡" },
      { by: "ana", after: "1d", language: "pt-BR", body: "A Lili e o Feijão precisam se conhecer 😻" },
    ],
  },
  cactus: {
    author: "marcus",
    at: "2025-01-13T18:40:00Z",
    language: "en",
    title: "this is my backyard, welcome Chinese friends 🌵",
    body: "Hello from Tucson, Arizona! This is my backyard. The tall one is a saguaro, about 80 years old; it grew its first arm before I was born. Welcome Chinese friends, ask me anything about the desert. 你好 🌵 #TikTokRefugee",
    topics: ["tiktokrefugee", "仙人掌", "cactus"],
    media: [media("saguaro-backyard.jpg", 1440, 1080, "A tall saguaro cactus with three arms in a gravel backyard at sunset")],
    place: { name: "Tucson, Arizona", latitude: 32.2226, longitude: -110.9747 },
    comments: [
      { by: "chen", after: "30m", language: "zh-Hans", body: "这是我的后院 welcome 🌵 —— 我学会的第一句英语 😂 美国的后院也太大了吧，我家后院 = 阳台" },
      {
        by: "xiaoyu",
        after: "45m",
        language: "zh-Hans",
        body: "仙人掌：收到来自中国的一万个赞 🌵❤️ IP 广东报到！",
        replies: [{ by: "marcus", after: "2h", language: "en", body: "I counted, it's 10,001 now 😂 谢谢 Guangdong!" }],
      },
      {
        by: "diego",
        after: "9h",
        language: "es",
        body: "¡Saludos desde México! Nosotros comemos nopales 🌵🌮 ¿ustedes también comen cactus?",
        replies: [
          { by: "marcus", after: "10h", language: "en", body: "Only the prickly pear fruit here, but now I need to try nopales" },
          { by: "chen", to: "diego", after: "11h", language: "zh-Hans", body: "仙人掌可以吃？？四川人表示想试试，放辣椒炒 🌶️" },
        ],
      },
      { by: "oliver", after: "12h", language: "en", body: "The comments under a cactus turned into a small United Nations and I'm here for it 🇬🇧🇨🇳🇲🇽" },
    ],
  },
  slang: {
    author: "oliver",
    at: "2025-01-14T09:30:00Z",
    language: "en",
    title: "What does 绝绝子 mean?? And why is everyone called momo?",
    body: "Day 2 on RedNote. Every reply I get says 绝绝子, half the people replying to me are called momo, and someone asked me for V50 because it's Thursday (it's Tuesday). Also why 小红薯? Please explain like I'm five 🙏 #TikTokRefugee #chineseslang",
    topics: ["tiktokrefugee", "chineseslang"],
    media: [media("slang-screenshot.png", 1170, 2532, "Screenshot of a comment thread where every reply says 绝绝子")],
    place: null,
    comments: [
      {
        by: "linlin",
        after: "20m",
        language: "en",
        body: "绝绝子 (jué jué zǐ) = \"absolutely amazing\", like \"slay\" 💅 It's a bit over the top, people use it for everything",
        replies: [
          { by: "oliver", after: "50m", language: "en", body: "So I'm 绝绝子? I'll take it 😂" },
          { by: "xiaoyu", to: "oliver", after: "1h", language: "en", body: "You are 绝绝子, your tea is 绝绝子, everything is 绝绝子 😹" },
        ],
      },
      {
        by: "xiaoyu",
        after: "35m",
        language: "zh-Hans",
        body: "很多人把昵称改成 momo、头像也用同一张，这样网上没人认得出你 🐰 momo = being anonymous",
        replies: [{ by: "oliver", after: "2h", language: "en", body: "So there are thousands of momos… that explains a lot 😂" }],
      },
      { by: "chen", after: "1h", language: "zh-Hans", body: "V50 = \"V我50\"，肯德基疯狂星期四 🍗 every Thursday someone asks you to send them 50 yuan for KFC. It's a meme, don't pay 😂" },
      { by: "linlin", after: "3h", language: "en", body: "小红书 is \"little red book\", so we call it 小红薯 \"little red potato\" 🍠 and each other 薯友, potato friends" },
    ],
  },
  tomatoEgg: {
    author: "chen",
    at: "2025-01-14T12:00:00Z",
    language: "zh-Hans",
    title: "教外国朋友做番茄炒蛋 Tomato and egg for beginners 🍅🥚",
    body: "评论区好多美国朋友问中国人在家吃什么，那就从最简单的开始：\n1. 三个鸡蛋加一点盐打散，大火炒到刚凝固就盛出来\n2. 两个番茄切块，炒出汁，加半勺糖、一点盐\n3. 鸡蛋倒回去翻匀，撒葱花，出锅！\nEnglish: 3 eggs; 2 tomatoes; a pinch of salt; half a spoon of sugar. Eat it with rice 🍚 #番茄炒蛋 #cooking",
    topics: ["番茄炒蛋", "cooking", "家常菜"],
    media: [
      media("tomato-egg.jpg", 1080, 1350, "A plate of scrambled eggs with tomato, topped with spring onion, next to a bowl of rice"),
      media("tomato-egg-wok.mp4", 1080, 1920, "Thirty seconds of the eggs going back into the wok", "video"),
    ],
    place: { name: "成都", latitude: 30.5728, longitude: 104.0668 },
    comments: [
      {
        by: "marcus",
        after: "14h",
        language: "en",
        body: "Made it tonight!! Added the sugar like you said and my wife loved it 🍅🥚",
        replies: [{ by: "chen", after: "20h", language: "zh-Hans", body: "太棒了！下周毕业考试：红烧肉 🐷 Next week: braised pork" }],
      },
      {
        by: "diego",
        after: "15h",
        language: "es",
        body: "¿Se puede con chile? 🌶️ En México le ponemos chile a todo",
        replies: [{ by: "chen", after: "21h", language: "zh-Hans", body: "可以！四川人也什么都放辣椒 🌶️🌶️ chili friends 🤝" }],
      },
      { by: "wang", after: "2h", language: "zh-Hans", body: "上海人肯定放糖 😌 甜的才好吃" },
      { by: "mei", after: "3h", language: "zh-Hant", body: "台灣也叫番茄炒蛋，有人寫「蕃茄」🍅 都好吃！" },
    ],
  },
  maths: {
    author: "tyler",
    at: "2025-01-14T23:10:00Z",
    language: "en",
    title: "Chinese friends please help with my math homework 😭",
    body: "Precalc due tomorrow. Solve for x: 2^(x+1) + 2^x = 48. My teacher says show your work. I heard y'all are really good at math… 谢谢 (I hope that means thank you) #mathhomework #TikTokRefugee",
    topics: ["mathhomework", "tiktokrefugee", "作业"],
    media: [media("precalc-worksheet.jpg", 1080, 1440, "A photo of a worksheet with exponential equations, question 7 circled")],
    place: null,
    comments: [
      {
        by: "linlin",
        after: "12m",
        language: "en",
        body: "2^(x+1) = 2·2^x, so 3·2^x = 48, 2^x = 16, x = 4 ✅ 我们初二就学了 😂",
        replies: [
          { by: "tyler", after: "30m", language: "en", body: "WAIT that's it?? You did this in 8th grade?? 🤯 I owe you English homework help" },
          { by: "linlin", to: "tyler", after: "40m", language: "en", body: "Deal! 成交 🤝 I have an essay due on Friday" },
        ],
      },
      { by: "wang", after: "1h", language: "zh-Hans", body: "小伙子加油！数学要多练 💪" },
      { by: "xiaoyu", after: "90m", language: "zh-Hans", body: "数学作业换猫税，公平交易 🐱📐" },
    ],
  },
  essay: {
    author: "linlin",
    at: "2025-01-15T11:20:00Z",
    language: "en",
    title: "求助！Please check my English essay 🙏",
    body: "I am a junior high student in Hangzhou. Homework: 80 words about \"My Favourite Festival\". Can American friends check my grammar? 谢谢！\n\nMy favourite festival is the Spring Festival. In this day, my family eat dumplings together and watch the Spring Festival Gala. My grandma give me a red envelope and say \"study hard\". I think it is the most warm day of the year. #englishhomework",
    topics: ["englishhomework", "英语作业", "作业"],
    media: [media("essay-handwritten.jpg", 1080, 1440, "A handwritten English essay on squared exercise-book paper")],
    place: { name: "杭州", latitude: 30.2741, longitude: 120.1551 },
    comments: [
      {
        by: "ashley",
        after: "2h",
        language: "en",
        body: "Great job! Small fixes: \"In this day\" → \"On this day\", \"My grandma give… and say\" → \"gives… and says\", \"the most warm\" → \"the warmest\". It's really good 👏",
        replies: [{ by: "linlin", after: "3h", language: "en", body: "谢谢 Ashley!! My teacher never explained in/on so clearly 🥹" }],
      },
      {
        by: "oliver",
        after: "150m",
        language: "en",
        body: "British English check: \"my family eat\" is fine over here, we treat family as plural 🇬🇧 and \"favourite\" is spelled correctly 😉",
        replies: [{ by: "tyler", to: "oliver", after: "4h", language: "en", body: "favorite* 🇺🇸 jk 😂 Linlin, your essay is better than mine fr" }],
      },
    ],
  },
  nightMarket: {
    author: "mei",
    at: "2025-01-15T13:00:00Z",
    language: "zh-Hant",
    title: "歡迎新朋友！台北夜市必吃清單 🧋",
    body: "看到好多美國朋友來小紅書，好開心！來台北玩的話，饒河夜市一定要去：\n・胡椒餅（排隊也值得）\n・藥燉排骨\n・大腸包小腸\n・珍珠奶茶，半糖少冰\nWelcome! If you come to Taipei, try these 👇 #夜市 #台灣美食",
    topics: ["夜市", "台灣美食"],
    media: [
      media("raohe-night-market.jpg", 1440, 1080, "A crowded night market street under red lanterns"),
      media("pepper-bun.jpg", 1080, 1080, "A pepper bun being pulled out of a clay oven"),
    ],
    place: { name: "饒河街觀光夜市", latitude: 25.051, longitude: 121.5776 },
    comments: [
      {
        by: "ashley",
        after: "3h",
        language: "en",
        body: "Saving this for my trip!! What is 胡椒餅?",
        replies: [{ by: "mei", after: "4h", language: "en", body: "Pepper pork bun 🥟🔥 baked on the wall of a clay oven. Careful, it's very hot inside!" }],
      },
      { by: "lucia", after: "6h", language: "es", body: "¡Apuntado! Taiwán está en mi lista 🧋" },
      { by: "linlin", after: "7h", language: "zh-Hans", body: "台湾的朋友好！珍珠奶茶 yyds 🧋" },
    ],
  },
  feijao: {
    author: "ana",
    at: "2025-01-15T22:15:00Z",
    language: "pt-BR",
    title: "Brasileira no RedNote! Meu gato também paga imposto 🐈‍⬛",
    body: "Oi gente! Vim do TikTok e descobri o imposto do gato. Esse é o Feijão, ele tem 2 anos e manda um 你好 pra todo mundo 🇧🇷 #cattax #gatos",
    topics: ["cattax", "gatos", "猫"],
    media: [media("feijao-sofa.jpg", 1080, 1350, "A black cat stretched out on a green sofa")],
    place: { name: "São Paulo", latitude: -23.5505, longitude: -46.6333 },
    comments: [
      {
        by: "xiaoyu",
        after: "40m",
        language: "zh-Hans",
        body: "🧾 猫税收据 No.0002\n纳税猫：Feijão（巴西圣保罗）\n税种：黑猫特别税\n状态：已缴清 ✅ Obrigado! 😹",
        replies: [{ by: "ana", after: "1h", language: "pt-BR", body: "Recebi meu recibo!! 😭 obrigada, 谢谢" }],
      },
      { by: "ashley", after: "2h", language: "en", body: "Lili says hi to Feijão! 🐱🐈‍⬛" },
    ],
  },
  tacos: {
    author: "diego",
    at: "2025-01-16T02:30:00Z",
    language: "es",
    title: "¡Hola desde Guadalajara! Cambio receta de tacos al pastor por una de 饺子 🌮🥟",
    body: "Soy nuevo aquí. Los tacos al pastor nacieron del shawarma de los inmigrantes libaneses; ahora quiero aprender a hacer dumplings de verdad. ¿Quién me enseña? Yo les enseño la salsa verde. #intercambiodecomida #tacos",
    topics: ["intercambiodecomida", "tacos", "饺子"],
    media: [media("tacos-al-pastor.jpg", 1080, 1080, "Three tacos al pastor with pineapple, onion and coriander on a blue plate")],
    place: { name: "Guadalajara, Jalisco", latitude: 20.6597, longitude: -103.3496 },
    comments: [
      {
        by: "wang",
        after: "8h",
        language: "zh-Hans",
        body: "阿姨教你包饺子！面粉加水揉成团，馅用猪肉白菜，褶子捏紧 🥟 视频下周发",
        replies: [{ by: "diego", after: "10h", language: "es", body: "¡Gracias! 谢谢王阿姨 🙏 Yo le mando la salsa verde" }],
      },
      { by: "ana", after: "12h", language: "pt-BR", body: "Aqui no Brasil dizem que o pastel de feira veio dos imigrantes chineses 🥟🇧🇷" },
    ],
  },
  firstHanzi: {
    author: "lucia",
    at: "2025-01-16T19:45:00Z",
    language: "es",
    title: "Mi primer 你好 escrito a mano ✍️",
    body: "Llevo dos días en RedNote y una chica de Hangzhou me enseñó el orden de los trazos. Sé que está torcido, ¡pero es mío! ¿Qué tal me ha quedado? #aprenderchino #汉字",
    topics: ["aprenderchino", "汉字"],
    media: [media("first-nihao.jpg", 1080, 1080, "你好 written with a brush pen on squared practice paper, slightly crooked")],
    place: { name: "Madrid", latitude: 40.4168, longitude: -3.7038 },
    comments: [
      {
        by: "linlin",
        after: "1h",
        language: "zh-Hans",
        body: "写得很好！「你」的单人旁很标准 👍 加油 Lucía",
        replies: [{ by: "lucia", after: "2h", language: "es", body: "¡Gracias, profe! 谢谢老师 🥹" }],
      },
      { by: "mei", after: "5h", language: "zh-Hant", body: "寫得很好看！下次試試繁體字「妳好」😉" },
    ],
  },
  receipts: {
    author: "xiaoyu",
    at: "2025-01-17T04:00:00Z",
    language: "zh-Hans",
    title: "猫税收据统一模板 🧾 Cat tax receipts for all new friends",
    body: "最近猫税收得太多，局里加班开收据。评论区晒猫，每只都发收据，编号接着 0002 往下排 😹\nPost your cat below and the bureau will issue your receipt! #猫税 #cattax",
    topics: ["猫税", "cattax"],
    media: [media("cat-tax-receipt-template.png", 1080, 1350, "A red-stamped receipt template titled 猫税收据 with blanks for the cat's name and country")],
    place: { name: "广州", latitude: 23.1291, longitude: 113.2644 },
    comments: [
      { by: "ashley", after: "1h", language: "en", body: "Lili is officially tax compliant 😤🧾" },
      {
        by: "oliver",
        after: "2h",
        language: "en",
        body: "I don't have a cat. Can I pay in dog? 🐶",
        replies: [{ by: "xiaoyu", after: "3h", language: "zh-Hans", body: "狗税归隔壁部门管 🐶 dog tax is next door 😂" }],
      },
    ],
  },
  braisedPork: {
    author: "wang",
    at: "2025-01-18T10:00:00Z",
    language: "zh-Hans",
    title: "番茄炒蛋毕业了？阿姨教你上海红烧肉 🐷",
    body: "一个礼拜从番茄炒蛋学到红烧肉，外国小朋友进步老快的。\n五花肉切块焯水，冰糖炒出糖色，加生抽、老抽、黄酒，小火炖一个钟头，最后大火收汁。\nPork belly, rock sugar, soy sauce, Shaoxing wine, one hour on low heat. 慢慢来，不要急 😊 #红烧肉 #本帮菜",
    topics: ["红烧肉", "本帮菜", "cooking"],
    media: [media("hongshao-rou.jpg", 1080, 1080, "Glossy cubes of braised pork belly in a clay pot")],
    place: { name: "上海", latitude: 31.2304, longitude: 121.4737 },
    comments: [
      { by: "chen", after: "30m", language: "zh-Hans", body: "阿姨的红烧肉就是毕业考试的标准答案 🐷" },
      {
        by: "marcus",
        after: "5h",
        language: "en",
        body: "Week 1: tomato and egg. Week 2: braised pork. I'm moving to Shanghai 🥲",
        replies: [{ by: "wang", after: "7h", language: "zh-Hans", body: "欢迎来上海，阿姨请你吃 😊" }],
      },
    ],
  },
  staying: {
    author: "ashley",
    at: "2025-01-20T16:00:00Z",
    language: "en",
    title: "TikTok is back. I'm staying 🫶",
    body: "A week ago I posted Lili and got a cat tax receipt from Guangdong, a cooking lesson from Chengdu and a grammar teacher in Hangzhou. TikTok came back yesterday. I'm staying. 谢谢大家，薯友们 🍠❤️ #TikTokRefugee #薯友",
    topics: ["tiktokrefugee", "薯友"],
    media: [],
    place: null,
    comments: [
      { by: "linlin", after: "15m", language: "zh-Hans", body: "不要走！Stay!! 🥹" },
      { by: "xiaoyu", after: "20m", language: "zh-Hans", body: "猫税局永远欢迎莉莉 🧾🐱" },
      { by: "diego", after: "1h", language: "es", body: "Yo también me quedo 🌮❤️" },
    ],
  },
};

/** Note → the people who liked it. */
export const likes = {
  lili: ["xiaoyu", "chen", "linlin", "wang", "mei", "marcus", "oliver", "ana", "lucia"],
  cactus: ["xiaoyu", "chen", "linlin", "wang", "mei", "ashley", "oliver", "tyler", "diego", "ana", "lucia"],
  slang: ["linlin", "xiaoyu", "ashley", "tyler", "lucia"],
  tomatoEgg: ["marcus", "ashley", "diego", "wang", "ana"],
  maths: ["linlin", "ashley", "oliver"],
  essay: ["ashley", "oliver", "tyler", "wang"],
  nightMarket: ["ashley", "lucia", "linlin", "marcus"],
  feijao: ["xiaoyu", "ashley", "chen", "lucia"],
  tacos: ["wang", "ana", "marcus", "chen"],
  firstHanzi: ["linlin", "mei", "diego", "ana"],
  receipts: ["ashley", "ana", "oliver", "chen", "linlin"],
  braisedPork: ["chen", "marcus", "ashley", "diego"],
  staying: ["xiaoyu", "chen", "linlin", "mei", "marcus", "oliver", "tyler", "diego", "ana", "lucia"],
};

/** Note → the people who collected (bookmarked) it: recipes, guides, the receipt template. */
export const collects = {
  tomatoEgg: ["marcus", "ashley", "diego", "ana"],
  braisedPork: ["marcus", "diego"],
  nightMarket: ["ashley", "lucia"],
  slang: ["tyler", "lucia", "marcus"],
  receipts: ["ana", "ashley"],
  essay: ["tyler"],
};

/** Person → the people they follow. */
export const follows = {
  ashley: ["xiaoyu", "chen", "linlin", "mei"],
  marcus: ["chen", "wang", "diego"],
  oliver: ["linlin", "xiaoyu"],
  tyler: ["linlin"],
  diego: ["wang", "chen", "marcus"],
  ana: ["xiaoyu", "ashley"],
  lucia: ["linlin", "mei"],
  xiaoyu: ["ashley", "ana"],
  chen: ["marcus", "wang"],
  linlin: ["ashley", "tyler", "lucia"],
  wang: ["chen"],
  mei: ["ashley"],
};
