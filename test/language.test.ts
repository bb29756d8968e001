import { describe, expect, it } from "vitest";
import { detectLanguage } from "../src/language/detect";
import { api, createUser } from "./helpers";

// Real-world-style posts from the January 2025 wave: short, mixed, emoji-heavy.
const cases: [text: string, expected: string][] = [
  ["这是我的后院 welcome 🌵", "zh-Hans"],
  ["yyds!!!", "zh-Hans"],
  ["xswl 😂😂😂", "zh-Hans"],
  ["谢谢 my friend 😂", "en"],
  ["谢谢你我的朋友 my friend", "zh-Hans"],
  ["My cat Lili says 你好 to all the fellow potatoes", "en"],
  ["Hello RedNote! I'm a TikTok refugee from Ohio 🇺🇸", "en"],
  ["omg so cute", "en"],
  ["lol same", "en"],
  ["This is my backyard, welcome Chinese friends!", "en"],
  ["here is my cat tax 🐱", "en"],
  ["我今天去夜市吃东西", "zh-Hans"],
  ["好可爱啊啊啊", "zh-Hans"],
  ["哈哈哈哈哈", "zh-Hans"],
  ["hhhhhh", "zh-Hans"],
  ["欢迎来到小红书！我们都是薯友 🍠", "zh-Hans"],
  ["歡迎來到小紅書！這隻貓好可愛", "zh-Hant"],
  ["我們台灣人也歡迎你們", "zh-Hant"],
  ["這是我家的貓咪", "zh-Hant"],
  ["内卷太严重了，我选择躺平", "zh-Hans"],
  ["绝绝子！！", "zh-Hans"],
  ["我の猫好可爱", "zh-Hans"],
  ["今日は猫の日です", "ja"],
  ["かわいい！", "ja"],
  ["猫ちゃん最高", "ja"],
  ["고양이 너무 귀여워요", "ko"],
  ["Привет из Москвы, друзья!", "ru"],
  ["Привіт, друзі! Я з Києва", "uk"],
  ["مرحبا بالجميع من القاهرة", "ar"],
  ["Hola amigos, mi gato se llama Lili", "es"],
  ["Bonjour à tous, je suis nouvelle ici", "fr"],
  ["Olá pessoal, sou do Brasil e adoro gatos", "pt"],
  ["Guten Morgen aus Berlin, ich lerne Chinesisch", "de"],
  ["Ciao a tutti, sono italiana", "it"],
  ["Γεια σας φίλοι", "el"],
  ["สวัสดีครับ", "th"],
  ["😂😂😂", "und"],
  ["🐱🐱🐱 ❤️", "und"],
  ["666", "und"],
  ["2333333", "und"],
  ["https://www.xiaohongshu.com/explore/123", "und"],
  ["@小红薯Lili #TikTokRefugee", "und"],
  ["(｡◕‿◕｡)", "und"],
  ["¯\\_(ツ)_/¯", "und"],
  ["ʕ•ᴥ•ʔ", "und"],
  ["¯\\_(ツ)_/¯ idk what this means", "en"],
  ["", "und"],
  ["V50 🍗", "zh-Hans"],
  ["Chinese homework help please 🙏 这道题我真的不会做，谁能帮帮我", "zh-Hans"],
  ["I learned to cook 番茄炒蛋 today!", "en"],
];

describe("language detection", () => {
  it("has at least 40 cases", () => expect(cases.length).toBeGreaterThanOrEqual(40));

  it.each(cases)("%s → %s", (text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });
});

describe("the language stored on notes and comments", () => {
  it("is detected on create and re-detected on edit unless the author chose it", async () => {
    const author = await createUser();
    const created = await api("POST", "/v1/notes", { token: author.token, body: { title: "我的猫", body: "这是我的猫 Lili 🐱" } });
    expect(created.body).toMatchObject({ language: "zh-Hans", languageSource: "detected" });
    const edited = await api("PATCH", `/v1/notes/${created.body.id}`, { token: author.token, body: { title: "My cat", body: "This is my cat Lili" } });
    expect(edited.body).toMatchObject({ language: "en", languageSource: "detected" });
  });

  it("can be corrected by the author, and the correction survives edits", async () => {
    const author = await createUser();
    const created = await api("POST", "/v1/notes", { token: author.token, body: { body: "yyds 🐱" } });
    const corrected = await api("PATCH", `/v1/notes/${created.body.id}`, { token: author.token, body: { language: "en" } });
    expect(corrected.body).toMatchObject({ language: "en", languageSource: "author" });
    const edited = await api("PATCH", `/v1/notes/${created.body.id}`, { token: author.token, body: { body: "我的猫最可爱" } });
    expect(edited.body).toMatchObject({ language: "en", languageSource: "author" });
  });

  it("on comments, is detected and can be corrected by the author", async () => {
    const author = await createUser();
    const note = await api("POST", "/v1/notes", { token: author.token, body: { body: "Lili 🐱" } });
    const comment = await api("POST", `/v1/notes/${note.body.id}/comments`, { token: author.token, body: { body: "好可爱！！" } });
    expect(comment.body.language).toBe("zh-Hans");
    const corrected = await api("PATCH", `/v1/comments/${comment.body.id}`, {
      token: author.token,
      body: { body: "好可愛！！", language: "zh-Hant" },
    });
    expect(corrected.body.language).toBe("zh-Hant");
    expect((await api("GET", `/v1/comments/${comment.body.id}`)).body.language).toBe("zh-Hant");
  });

  it("refuses a language that is not a BCP 47 tag", async () => {
    const author = await createUser();
    const note = await api("POST", "/v1/notes", { token: author.token, body: { body: "hello" } });
    const response = await api("PATCH", `/v1/notes/${note.body.id}`, { token: author.token, body: { language: "not a language!" } });
    expect(response.status).toBe(400);
    expect(response.body.error.details[0].field).toBe("language");
  });
});
