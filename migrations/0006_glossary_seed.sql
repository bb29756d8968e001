-- Reference data: the glossary's first terms, decisions and explanations, in both
-- directions (slang of the January 2025 migration and everyday culture words).
-- Seeded explanations have no author: they come from the glossary team.
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK015YB0QRE4RS627DR6', '躺平', 'zh-Hans', '[]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK015YB0QRE4RS627DR6', 'en', 'keep', NULL, NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBKZ9T314CC1ESXP17CD7', '01JHEFBK015YB0QRE4RS627DR6', NULL, '"Lying flat": opting out of the rat race, doing the minimum instead of overworking for a house, a car and a promotion. Often said with a shrug, half joke, half protest.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK02F278Q5XHWBMWXS4V', '内卷', 'zh-Hans', '["內卷"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK02F278Q5XHWBMWXS4V', 'en', 'keep', NULL, NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBKZA1NFPEKAHNJQ49HH9', '01JHEFBK02F278Q5XHWBMWXS4V', NULL, '"Involution": competition so fierce that everyone works harder and nobody gets ahead, like students taking ever more cram classes. The opposite of 躺平.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK030P9RNFK1T2DDDD9W', '绝绝子', 'zh-Hans', '["絕絕子"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK030P9RNFK1T2DDDD9W', 'en', 'keep', NULL, NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBKZB9G06VC9BFMG8MQ9S', '01JHEFBK030P9RNFK1T2DDDD9W', NULL, 'Over-the-top praise, "absolutely the best" (sometimes ironic). Newcomers turned it into the #JueJueZi challenge.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK04EWB49FTME0PPQYMG', '小红薯', 'zh-Hans', '["小紅薯"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK04EWB49FTME0PPQYMG', 'en', 'keep', NULL, NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBKZC49KXVTNN7F9G7NE9', '01JHEFBK04EWB49FTME0PPQYMG', NULL, '"Little red potato": what RedNote users call themselves (红薯 sounds like 红书, the app''s name).', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK05ZB46BGP307NKEGHC', 'yyds', 'zh-Hans', '["YYDS"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK05ZB46BGP307NKEGHC', 'en', 'keep', NULL, NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBKZD3SVJHMCHX3P1X96S', '01JHEFBK05ZB46BGP307NKEGHC', NULL, 'Pinyin initials of 永远的神, "eternal god": the GOAT, the best ever.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK06SPT35J56VZQ5G7NQ', 'V50', 'zh-Hans', '["v50", "V我50", "v我50"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK06SPT35J56VZQ5G7NQ', 'en', 'keep', NULL, NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBKZE18XK7PGG7Z0MKG20', '01JHEFBK06SPT35J56VZQ5G7NQ', NULL, '"V me 50": the KFC Crazy Thursday meme. On Thursdays people joke-ask friends to send them 50 yuan over WeChat (the V) for fried chicken.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK070KKV2AQNP889FG1Z', '栓Q', 'zh-Hans', '["栓q"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK070KKV2AQNP889FG1Z', 'en', 'keep', NULL, NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBKZFYYBCF6TH97HHF3T8', '01JHEFBK070KKV2AQNP889FG1Z', NULL, 'A sarcastic "thank you", meaning "I''m speechless". From a viral video''s accented English.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK08RDD27MZJS03K81DP', '蚌埠住了', 'zh-Hans', '[]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK08RDD27MZJS03K81DP', 'en', 'keep', NULL, NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBKZG9HJ084808D9Z963D', '01JHEFBK08RDD27MZJS03K81DP', NULL, '"Can''t hold it together" (laughing or crying). A pun: the city name Bengbu sounds like 绷不住.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK09974MDQ8MTZFAMCEK', '996', 'zh-Hans', '[]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK09974MDQ8MTZFAMCEK', 'en', 'keep', NULL, NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBKZHDKMAXQV2B87C3NK8', '01JHEFBK09974MDQ8MTZFAMCEK', NULL, 'The 9am-9pm, six-days-a-week work schedule of many tech companies.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK0ADYTX7SMW87PB7N61', '666', 'zh-Hans', '[]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK0ADYTX7SMW87PB7N61', 'en', 'keep', NULL, NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBKZJ0G5KJM80X4D2N8PN', '01JHEFBK0ADYTX7SMW87PB7N61', NULL, '"Awesome", "smooth": 六 (liù) sounds like 溜, skilful. Posted in comments to cheer someone on.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK0BGC77XB3K69DMBVBS', 'momo', 'zh-Hans', '["Momo"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK0BGC77XB3K69DMBVBS', 'en', 'keep', NULL, NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBKZKZ7JCAC3V28K976TZ', '01JHEFBK0BGC77XB3K69DMBVBS', NULL, 'The default nickname RedNote gives new accounts, so thousands of users are "momo". It became a way to post anonymously.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK0CVY8KJAQH35PKFWWJ', '江湖', 'zh-Hans', '[]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK0CVY8KJAQH35PKFWWJ', 'en', 'keep', NULL, NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBKZMEAWFCAH2HG2DKT82', '01JHEFBK0CVY8KJAQH35PKFWWJ', NULL, '"Rivers and lakes": the world of martial-arts heroes, and by extension the wild world outside the rules where people live by loyalty and wits.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK0DK6HKMPW7ZAYQV58V', '烟火气', 'zh-Hans', '["煙火氣"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK0DK6HKMPW7ZAYQV58V', 'en', 'render', 'the vibe of daily life', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBKZNN7JTQBQXEP0S6T93', '01JHEFBK0DK6HKMPW7ZAYQV58V', NULL, 'Literally "smoke and fire air": the lively, homely feel of ordinary life, like street food stalls and neighbours cooking.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK0ESMRVWZD2GF03X27E', '薯友', 'zh-Hans', '[]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK0ESMRVWZD2GF03X27E', 'en', 'render', 'fellow potatoes', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBKZP4GNYY2PX8SF8SGCT', '01JHEFBK0ESMRVWZD2GF03X27E', NULL, 'What RedNote users call each other, from 小红薯.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK0FX5SCQZTGFFRGSCVY', '小红书', 'zh-Hans', '["小紅書"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK0FX5SCQZTGFFRGSCVY', 'en', 'render', 'RedNote', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBKZQ2SB2WART0B273MM2', '01JHEFBK0FX5SCQZTGFFRGSCVY', NULL, 'Xiaohongshu, "little red book", the app known abroad as RedNote.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK0GBKCKNYJH6JRNK8VB', '种草', 'zh-Hans', '["種草"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK0GBKCKNYJH6JRNK8VB', 'en', 'render', 'got me wanting it', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBKZRVKFZNX4P4YPA8P4E', '01JHEFBK0GBKCKNYJH6JRNK8VB', NULL, '"Planting grass": a post that makes you want to buy or try something. 拔草 is the opposite.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK0HTD49737M070A6DRW', '拔草', 'zh-Hans', '[]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK0HTD49737M070A6DRW', 'en', 'render', 'cured me of wanting it', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBKZSBVD3YFZPN1DQQ0D0', '01JHEFBK0HTD49737M070A6DRW', NULL, '"Pulling grass": losing the urge to buy something (or finally buying it so the urge is gone).', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK0JV6N8MQWHQ7G9SHTE', '打卡', 'zh-Hans', '[]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK0JV6N8MQWHQ7G9SHTE', 'en', 'render', 'check in', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBKZT36BWSN8VAS1Z2Y49', '01JHEFBK0JV6N8MQWHQ7G9SHTE', NULL, '"Punching the clock": visiting a famous spot and posting proof, or keeping up a daily habit.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK0K7KBKGRK48F8PY5ZV', '网红', 'zh-Hans', '["網紅"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK0K7KBKGRK48F8PY5ZV', 'en', 'render', 'internet-famous', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBKZVZ40E5X7E2QTK03Y0', '01JHEFBK0K7KBKGRK48F8PY5ZV', NULL, 'An internet celebrity; as an adjective, a place or food made popular online.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK0MY2X580CZSZ9Y75F2', '凡尔赛', 'zh-Hans', '["凡爾賽"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK0MY2X580CZSZ9Y75F2', 'en', 'render', 'humblebrag', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBKZWGDVAT0R4S3JBB5R6', '01JHEFBK0MY2X580CZSZ9Y75F2', NULL, '"Versailles": showing off while pretending to complain, after a manga about the French court.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK0NG6DEVDSQAJK02EG8', '破防', 'zh-Hans', '[]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK0NG6DEVDSQAJK02EG8', 'en', 'render', 'it hit me right in the feels', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBKZXAYXWM9GBZJX7J5J6', '01JHEFBK0NG6DEVDSQAJK02EG8', NULL, '"Defences broken": suddenly moved or upset by something.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK0PAE5EN2ATS9ZM9DZJ', '摸鱼', 'zh-Hans', '["摸魚"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK0PAE5EN2ATS9ZM9DZJ', 'en', 'render', 'slacking off at work', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBKZYF4A10DMBSB206X2E', '01JHEFBK0PAE5EN2ATS9ZM9DZJ', NULL, '"Groping for fish": quietly doing nothing at work.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK0QG7C0CAXY88DVAFYQ', '打工人', 'zh-Hans', '[]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK0QG7C0CAXY88DVAFYQ', 'en', 'render', 'working stiff', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBKZZAC7GZD1KH4NT1JN5', '01JHEFBK0QG7C0CAXY88DVAFYQ', NULL, '"Worker person": a self-mocking name for anyone grinding at a job.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK0RCRM89W5QAW8NNK0F', '社恐', 'zh-Hans', '[]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK0RCRM89W5QAW8NNK0F', 'en', 'render', 'socially anxious', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM00HBB6DSG7Q2RBFZH8', '01JHEFBK0RCRM89W5QAW8NNK0F', NULL, 'Short for 社交恐惧症, social phobia; used lightly for shy people.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK0SM80N740CDH6RA1Z1', '社牛', 'zh-Hans', '[]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK0SM80N740CDH6RA1Z1', 'en', 'render', 'socially fearless', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM018DM2J22JSXNE1HTA', '01JHEFBK0SM80N740CDH6RA1Z1', NULL, 'The opposite of 社恐: someone who talks to anyone, anywhere.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK0T032QB4C0ZGMZXVMW', '佛系', 'zh-Hans', '[]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK0T032QB4C0ZGMZXVMW', 'en', 'render', 'zen, whatever-happens', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM02JX67CAHAHP5335J1', '01JHEFBK0T032QB4C0ZGMZXVMW', NULL, '"Buddha-style": relaxed, not fighting for anything.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK0VGCGZHQ32WCT7NCVJ', '吃瓜', 'zh-Hans', '[]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK0VGCGZHQ32WCT7NCVJ', 'en', 'render', 'watching the drama', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM035PEPK43W6DANS9WK', '01JHEFBK0VGCGZHQ32WCT7NCVJ', NULL, '"Eating melon": watching gossip unfold from the sidelines, like eating snacks at a show.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK0W00Z8JHKSYPKFEA1W', '上头', 'zh-Hans', '["上頭"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK0W00Z8JHKSYPKFEA1W', 'en', 'render', 'hooked', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM04DYQMR0Z07HQS9G6D', '01JHEFBK0W00Z8JHKSYPKFEA1W', NULL, '"Goes to the head": obsessed, can''t stop.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK0XEM1SKMMCMGW3GF3H', '家人们', 'zh-Hans', '["家人們"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK0XEM1SKMMCMGW3GF3H', 'en', 'render', 'fam', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM05A24GRWN2ZK40YN16', '01JHEFBK0XEM1SKMMCMGW3GF3H', NULL, '"Family members": how streamers and posters address their audience.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK0YPQZSWE11RH5T34XR', '宝子', 'zh-Hans', '["寶子"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK0YPQZSWE11RH5T34XR', 'en', 'render', 'babe', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM06F25513577EAEHHDM', '01JHEFBK0YPQZSWE11RH5T34XR', NULL, 'An affectionate way to address followers and friends.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK0ZW1QMR7BV6NRFKDQZ', '干饭人', 'zh-Hans', '["乾飯人"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK0ZW1QMR7BV6NRFKDQZ', 'en', 'render', 'foodie who lives to eat', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM07V7HHJX6VW4HJNDA5', '01JHEFBK0ZW1QMR7BV6NRFKDQZ', NULL, 'Someone whose favourite time of day is mealtime.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK10QN5EH0Z5FN82M2WZ', '番茄炒蛋', 'zh-Hans', '["番茄炒雞蛋", "西红柿炒鸡蛋"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK10QN5EH0Z5FN82M2WZ', 'en', 'render', 'tomato and egg stir-fry', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM08QXTNMSTT07AQGBXS', '01JHEFBK10QN5EH0Z5FN82M2WZ', NULL, 'The first dish many Chinese learn to cook, and the one newcomers learned first too.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK111D0QKR7FEDV0WSWT', '红烧肉', 'zh-Hans', '["紅燒肉"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK111D0QKR7FEDV0WSWT', 'en', 'render', 'red-braised pork belly', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM09GGKD2EVSVTR5H366', '01JHEFBK111D0QKR7FEDV0WSWT', NULL, 'Pork belly braised in soy sauce and sugar until glossy; a home-cooking classic.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK12VZGW8JAKTWYH5PAW', '猫税', 'zh-Hans', '["貓稅"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK12VZGW8JAKTWYH5PAW', 'en', 'render', 'cat tax', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM0A9NACWKV70VST6TCB', '01JHEFBK12VZGW8JAKTWYH5PAW', NULL, 'A cat photo "paid" when you post: the newcomers'' custom that Chinese users adopted.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK130NEQMJGVCYPZT8WK', '猫税收据', 'zh-Hans', '["貓稅收據"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK130NEQMJGVCYPZT8WK', 'en', 'render', 'cat tax receipt', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM0BF0Z1HF9J7SABXNCZ', '01JHEFBK130NEQMJGVCYPZT8WK', NULL, 'The joke receipts Chinese users made for every cat photo the newcomers posted.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK14TBE82XHJZX4VZASK', '国潮', 'zh-Hans', '["國潮"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK14TBE82XHJZX4VZASK', 'en', 'render', 'China-chic', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM0C4GEFZ5DVP5JWXF0P', '01JHEFBK14TBE82XHJZX4VZASK', NULL, '"National trend": modern brands and fashion that celebrate Chinese style.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK15WASEZ1T7FZESA444', '接地气', 'zh-Hans', '["接地氣"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK15WASEZ1T7FZESA444', 'en', 'render', 'down-to-earth', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM0DTVT0CRRZXRKGQJH2', '01JHEFBK15WASEZ1T7FZESA444', NULL, '"Connected to the earth''s energy": relatable, close to ordinary people.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK16YDBXEZKS2CC1KXTK', '面子', 'zh-Hans', '[]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK16YDBXEZKS2CC1KXTK', 'en', 'render', 'face', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM0E87WWY3D3WNTBTYV4', '01JHEFBK16YDBXEZKS2CC1KXTK', NULL, 'Social standing and dignity in others'' eyes; giving someone face means showing them respect.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK17EZD90W1RDWV7K0VX', '红包', 'zh-Hans', '["紅包"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK17EZD90W1RDWV7K0VX', 'en', 'render', 'red envelope', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM0FT4NE3WH9V9KR6R0K', '01JHEFBK17EZD90W1RDWV7K0VX', NULL, 'Money given in a red envelope at New Year and weddings, now sent digitally too.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK18WFZCNND3D8ZQYGFT', 'TikTok难民', 'zh-Hans', '["TikTok難民"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK18WFZCNND3D8ZQYGFT', 'en', 'render', 'TikTok refugee', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM0GHGGHHSP8BJ5BKR5J', '01JHEFBK18WFZCNND3D8ZQYGFT', NULL, 'The Americans who moved to RedNote in January 2025 before the TikTok ban.', 'en', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK1957Y17NZW1TS4Z66V', 'cat tax', 'en', '["Cat Tax"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1957Y17NZW1TS4Z66V', 'zh-Hans', 'render', '猫税', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1957Y17NZW1TS4Z66V', 'zh-Hant', 'render', '貓稅', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM0H1FFCAG7P99QEX4SQ', '01JHEFBK1957Y17NZW1TS4Z66V', NULL, '网友发帖时"缴纳"的猫咪照片：想让大家看你的帖子，先交一张猫片。', 'zh-Hans', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK1A21F2C9HR2CQF1DYY', 'TikTok refugee', 'en', '["TikTok refugees", "TikTokRefugee"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1A21F2C9HR2CQF1DYY', 'zh-Hans', 'render', 'TikTok难民', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1A21F2C9HR2CQF1DYY', 'zh-Hant', 'render', 'TikTok難民', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM0JKRZT1AEQDJHQVV2N', '01JHEFBK1A21F2C9HR2CQF1DYY', NULL, '2025年1月TikTok禁令前涌入小红书的美国用户。', 'zh-Hans', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK1BHECAB40AWF4GT8G5', 'vibe', 'en', '["vibes"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1BHECAB40AWF4GT8G5', 'zh-Hans', 'render', '氛围感', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1BHECAB40AWF4GT8G5', 'zh-Hant', 'render', '氛圍感', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM0KTWW8484M91Z8MMKD', '01JHEFBK1BHECAB40AWF4GT8G5', NULL, '一种说不清的感觉和气氛。', 'zh-Hans', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK1CQCRQXREB19H5QGR9', 'slay', 'en', '["slayed", "slaying"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1CQCRQXREB19H5QGR9', 'zh-Hans', 'render', '杀疯了', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1CQCRQXREB19H5QGR9', 'zh-Hant', 'render', '殺瘋了', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM0M243B1VR4N4XCFGE5', '01JHEFBK1CQCRQXREB19H5QGR9', NULL, '表现得太出色了，气场全开。', 'zh-Hans', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK1D8335YT85NC4CC9WX', 'no cap', 'en', '["No cap"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1D8335YT85NC4CC9WX', 'zh-Hans', 'render', '不骗你', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1D8335YT85NC4CC9WX', 'zh-Hant', 'render', '不騙你', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM0N2VJVMMA7KTPJXDST', '01JHEFBK1D8335YT85NC4CC9WX', NULL, '"说真的，没吹牛"。', 'zh-Hans', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK1EVZ89FXW7DSVDV3CZ', 'bestie', 'en', '["besties"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1EVZ89FXW7DSVDV3CZ', 'zh-Hans', 'render', '闺蜜', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1EVZ89FXW7DSVDV3CZ', 'zh-Hant', 'render', '閨蜜', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM0PRR5XQ452QXCGTSJQ', '01JHEFBK1EVZ89FXW7DSVDV3CZ', NULL, '最好的朋友。', 'zh-Hans', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK1FEQPTPQZAAFYZYDZ5', 'GOAT', 'en', '[]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1FEQPTPQZAAFYZYDZ5', 'zh-Hans', 'render', 'yyds', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1FEQPTPQZAAFYZYDZ5', 'zh-Hant', 'render', 'yyds', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM0QQB2AFNGEP7PXV3SS', '01JHEFBK1FEQPTPQZAAFYZYDZ5', NULL, 'Greatest Of All Time，史上最强，相当于 yyds。', 'zh-Hans', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK1G6V2SXE5JHH3AQ782', 'potluck', 'en', '[]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1G6V2SXE5JHH3AQ782', 'zh-Hans', 'render', '百家菜聚餐', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1G6V2SXE5JHH3AQ782', 'zh-Hant', 'render', '百家菜聚餐', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM0RRX01XA9EC1N0ZKPT', '01JHEFBK1G6V2SXE5JHH3AQ782', NULL, '每人带一道菜来的聚餐。', 'zh-Hans', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK1H64K6RK2NZQHSMJGZ', 'road trip', 'en', '["road trips"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1H64K6RK2NZQHSMJGZ', 'zh-Hans', 'render', '自驾游', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1H64K6RK2NZQHSMJGZ', 'zh-Hant', 'render', '自駕遊', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM0SS1JRV3ZFCS0EDNDR', '01JHEFBK1H64K6RK2NZQHSMJGZ', NULL, '开车长途旅行，美国人的经典度假方式。', 'zh-Hans', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK1JACCS37HDN40NMQ40', 'Thanksgiving', 'en', '[]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1JACCS37HDN40NMQ40', 'zh-Hans', 'render', '感恩节', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1JACCS37HDN40NMQ40', 'zh-Hant', 'render', '感恩節', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM0TH9RXPYCZ58XGZFVJ', '01JHEFBK1JACCS37HDN40NMQ40', NULL, '美国十一月的家庭团聚节日，吃火鸡。', 'zh-Hans', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK1KCA0G9DV3KX4ZT9DJ', 'tailgate', 'en', '["tailgating"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1KCA0G9DV3KX4ZT9DJ', 'zh-Hans', 'render', '车尾派对', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1KCA0G9DV3KX4ZT9DJ', 'zh-Hant', 'render', '車尾派對', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM0VS884TS8867J4Y6E5', '01JHEFBK1KCA0G9DV3KX4ZT9DJ', NULL, '比赛开始前在停车场打开后备箱烧烤聚会。', 'zh-Hans', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK1MQ2B07BZ82EBN0KK7', 'ghosting', 'en', '["ghosted"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1MQ2B07BZ82EBN0KK7', 'zh-Hans', 'render', '玩消失', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1MQ2B07BZ82EBN0KK7', 'zh-Hant', 'render', '玩消失', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM0WXGWTDDPXPXRWG2KM', '01JHEFBK1MQ2B07BZ82EBN0KK7', NULL, '突然不回消息、断了联系。', 'zh-Hans', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK1NDWPEYSN5X3YSFZDD', 'mid', 'en', '[]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1NDWPEYSN5X3YSFZDD', 'zh-Hans', 'render', '一般般', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1NDWPEYSN5X3YSFZDD', 'zh-Hant', 'render', '一般般', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM0X3F0XT7FW2R9FW01S', '01JHEFBK1NDWPEYSN5X3YSFZDD', NULL, '普普通通，不怎么样。', 'zh-Hans', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK1P3NVB5ZV32TX4M8E9', 'sus', 'en', '[]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1P3NVB5ZV32TX4M8E9', 'zh-Hans', 'render', '可疑', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1P3NVB5ZV32TX4M8E9', 'zh-Hant', 'render', '可疑', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM0Y8C30KSK36RGPY3Q8', '01JHEFBK1P3NVB5ZV32TX4M8E9', NULL, 'suspicious 的缩写：有点可疑。', 'zh-Hans', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK1QAMFQMFPD7WRAS18X', 'main character energy', 'en', '[]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1QAMFQMFPD7WRAS18X', 'zh-Hans', 'render', '主角光环', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1QAMFQMFPD7WRAS18X', 'zh-Hant', 'render', '主角光環', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM0Z0FN3GVA7YA3K59GE', '01JHEFBK1QAMFQMFPD7WRAS18X', NULL, '像电影主角一样自信的气场。', 'zh-Hans', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK1RFD154V9XR3Y7GVSN', 'FOMO', 'en', '[]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1RFD154V9XR3Y7GVSN', 'zh-Hans', 'keep', NULL, NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1RFD154V9XR3Y7GVSN', 'zh-Hant', 'keep', NULL, NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM10M2TH82XKJWYADN5W', '01JHEFBK1RFD154V9XR3Y7GVSN', NULL, 'Fear Of Missing Out：害怕错过，总担心别人在享受你没参与的事。', 'zh-Hans', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK1S0H78MG1W3PD2ETWW', 'rizz', 'en', '[]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1S0H78MG1W3PD2ETWW', 'zh-Hans', 'keep', NULL, NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1S0H78MG1W3PD2ETWW', 'zh-Hant', 'keep', NULL, NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM1177273J69A8VRRTAC', '01JHEFBK1S0H78MG1W3PD2ETWW', NULL, '来自 charisma：撩人的魅力。', 'zh-Hans', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK1TWHEKAPV8XPGJ8785', 'Karen', 'en', '["Karens"]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1TWHEKAPV8XPGJ8785', 'zh-Hans', 'keep', NULL, NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1TWHEKAPV8XPGJ8785', 'zh-Hant', 'keep', NULL, NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM12DHFJJDQYKA4NRS7E', '01JHEFBK1TWHEKAPV8XPGJ8785', NULL, '网络用语：动不动就要"找你们经理"的蛮横顾客。', 'zh-Hans', 0, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_terms (id, term, language, variants, created_by, created_at, updated_at) VALUES ('01JHEFBK1V6F5Y10ZF6R06KPBK', 'touch grass', 'en', '[]', NULL, 1736726400000, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1V6F5Y10ZF6R06KPBK', 'zh-Hans', 'render', '出门走走', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_decisions (term_id, target_language, decision, rendering, curated_by, updated_at) VALUES ('01JHEFBK1V6F5Y10ZF6R06KPBK', 'zh-Hant', 'render', '出門走走', NULL, 1736726400000);
--> statement-breakpoint
INSERT INTO glossary_explanations (id, term_id, author_id, body, language, vote_count, created_at) VALUES ('01JHEFBM13XYVS99F7GMN9T966', '01JHEFBK1V6F5Y10ZF6R06KPBK', NULL, '"去摸摸草"：别老上网了，出去接触现实生活。', 'zh-Hans', 0, 1736726400000);
