package facts

import "testing"

func TestFurniture(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"Jacquelyn Martin/AP Anti-abortion rights demonstrators wear tape as they protest outside the Supreme Court.", true},
		{"Anthony Wallace / AFP / Getty Images People in Hong Kong watch a news broadcast.", true},
		{"Reporters in the White House briefing room in April 2017 (Kevin Lamarque/Reuters)", true},
		{"Image copyright Reuters Image caption Mueller was appointed special counsel.", true},
		{"In this Wednesday, Dec. 18, 2019 file photo, President Donald Trump arrives at W.K. Kellogg Airport.", true},
		{"Photos by Alex Wong and Jim Lo Scalzo.", true},
		{"FILE - In this June 18, 2014 file photo, two detainees sleep in a holding cell.", true},
		{"This June 20, 2014 file photo shows the Rikers Island jail complex.", true},
		{"Photo illustration by Slate.", true},
		{"Stephen Colbert, Michael Moore, and Bill Maher (Photos: Reuters)", true},
		{"This photo of the senator drew criticism from both parties.", false},
		{"A placard saying, Abortion is a Human Right, is seen during the rally in front of the Supreme Court in Washington, DC.", true},
		{"Senator Smith is pictured with her husband.", true},
		{"President Donald Trump, left, standing with Vice President Mike Pence, talks to reporters on Tuesday.", true},
		{"Democrats on the left, and Republicans on the right, agreed on little.", false},
		{"The senator is seen as a moderate in her party.", false},
		{"FILE PHOTO: Tom Steyer speaks during the California Democratic Convention in San Francisco, California, U.S. June 1, 2019.", true},
		{"Sign up to receive it here.", true},
		{"New York (CNN Business) A version of this article first appeared in the \"Reliable Sources\" newsletter.", true},
		{"New York (CNN Business) The network named a new president on Monday.", false},
		{"A revised version of this post is available here.", true},
		{"File - In this Sept. 14, 2015, file photo, President Barack Obama speaks at a town hall in Des Moines.", true},
		{"For more from The Nation, check out our latest issue", true},
		{"Support Progressive Journalism The Nation is reader supported: Chip in $10 or more to help us continue.", true},
		{"Transcript for AG Barr blasts Trump's tweets: ABC News Exclusive", true},
		{"A partial transcript is as follows:", true},
		{"A transcript of the call released on Wednesday shows the president asked for a favor.", false},
		{"Please email money reporter Alicia Adamczyk at alicia.adamczyk@example.com.", true},
		{"This article was produced in partnership with The Sacramento Bee.", true},
		{"Related:", true},
		{"Susan Page and Emma Kinery", true},
		{"Jim Gomez", true},
		{"Health and Human Services Secretary Tom Price (C) and Aetna CEO Mark Bertolini (R) listen to President Donald Trump speak during a meeting.", true},
		{"Sen. Susan Collins (R) said she would vote for the bill.", false},
		{"Read the original by clicking here.", true},
		{"Got a tip? Contact Aaron Holmes at aholmes@example.com.", true},
		{"Like what you’re reading?", true},
		{"Want more essential commentary and analysis like this delivered straight to you?", true},
		{"This is the web version of VoxCare, a daily newsletter from Vox on health care.", true},
		{"Rob Porter departs Air Force One in Morristown, N.J., in August 2017.", true},
		{"The senator left the party in August 2017.", false},
		{"Contributing: Jane Doe, USA TODAY Network", true},
		{"Good morning and welcome to Fox News First.", true},
		{"More Americans than ever say they will vote.", false},
		{"The Investigation", true},
		{"Advertisement", true},
		{"George W. Bush", true},
		{"FBI Raids Home", false},
		{"Police Use Tear Gas", false},
		{"Obama spoke.", false},
		{"This article is more than 3 months old", true},
		{"Media playback is unsupported on your device Media caption The lost six weeks when the US failed to act", true},
		{"LISTEN TO ARTICLE 2:40 SHARE THIS ARTICLE Share Tweet Post Email", true},
		{"By Jane Doe, John Roe and Ann Smith", true},
		{"Trump and Biden Clash Over Taxes", false},
		{"Trump and Biden met.", false},
		{"Updated at 9:30 p.m. ET on December 20, 2019.", true},
		{"[Updated at 1:43 p.m. on Oct. 26, 2016.]", true},
		{"Updated at 12:46 pm ET with a statement from Jesse Kelly's campaign.", true},
		{"Add The Note as an interest to stay up to date on the latest The Note news, video, and analysis from ABC News.", true},
		{"Updated at 2:30 p.m. ET on February 10, 2020, the court ruled that the law stands.", false},
		{"Editor’s Note: This story has been updated throughout.", true},
		{"CORRECTIONS AND CLARIFICATIONS: An earlier version of this story misstated the percentage.", true},
		{"Corrections & Clarifications: An earlier version of the article said the debate was the last.", true},
		{"ABOVE: CBN News talks with journalist Erin Dunne about Facebook's PR gaffes.", true},
		{"Corrections officers walked off the job at Rikers on Monday.", false},
		{"Michelle McLoughlin / REUTERS Lighted angels hang from a tree in Monroe, Conn.", true},
		{"Eric Holder at the Human Rights Campaign dinner in Washington, September 15, 2018 (Reuters/Yuri Gripas)", true},
		{"The vote split the Democratic/Republican coalition in the state (and its allies).", false},
		{"Posted by HuffPost Politics on Friday, October 30, 2015", true},
		{"You will receive occasional promotional offers for programs that support The Nation’s journalism.", true},
		{"You can read our Privacy Policy here.", true},
		{"Facebook updated its Privacy Policy on Tuesday after the settlement.", false},
		{"Posted rates rose by 5% in May, the bank said.", false},
		{"People protest the announcement in Times Square, in New York City, New York, U.S., July 26, 2017.", true},
		{"Secretary of State Mike Pompeo speaks at a news conference at the State Department in Washington, Monday, Nov. 18, 2019.", true},
		{"President Donald Trump speaks to the media after meeting with people affected by the mass shooting, Wednesday, Aug. 7, 2019, in El Paso, Texas.", true},
		{"The senators met on Wednesday, Aug. 7, 2019, in El Paso, Texas, to discuss the bill.", false},
		{"A member of the state bureau works the scene of a fatal shooting in Duncan, Okla., on Monday, Nov. 18, 2019.", true},
		{"Police respond to the scene of a shooting at a gas station in Springfield, Mo, on Sunday, March 15, 2020.", true},
		{"President Trump Donald John TrumpGOP senators balk at lengthy impeachment trial Warren goes local.", true},
		{"Rep. Chris Collins Christopher (Chris) Carl CollinsOn The Money: Economy adds 136K jobs in September.", true},
		{"Senate Majority Leader Mitch McConnell said the Senate would vote on Tuesday.", false},
		{"Obama defended his health law, and ObamaCare enrollment rose.", false},
		{"Many accused Trump of holding the government hostage, using the hashtag #TrumpShutdown.", false},
		{"Haugen revealed her identity during an interview with CBS’ 60 Minutes on Sunday, October 3, 2021.", false},
		{"The law took effect on Jan. 1, 2020.", false},
		{"President Donald Trump greets members of the military at Al Asad Air Base in Iraq. | Saul Loeb/AFP/Getty Images", true},
		{"Get all the latest news on coronavirus and more delivered daily to your inbox.", true},
		{"Subscribers to the newsletter rose by a third, the company said.", false},
		{"This article of the constitution was at the heart of the case.", false},
		{"Etheridge is seen in an amateur video grabbing the wrist of a young man.", false},
		{"She was paid $400,000 for a speech to the Jewish United Fund/Jewish Federation of Metropolitan Chicago.", false},
		{"The Senate passed the bill 52-48 on Tuesday.", false},
		{"The AC/DC concert drew 40,000 people, police said.", false},
		{"Democrats and Republicans split 50/50 in the Senate.", false},
		{"In this election, turnout rose to 66 percent.", false},
		{"He posted a photo of the crowd on Instagram.", false},
	} {
		if got := Furniture(c.s); got != c.want {
			t.Errorf("Furniture(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// sentenceTexts lists the analysed sentences of a.
func sentenceTexts(a *Analysis) []string {
	var out []string
	for _, s := range a.Sentences {
		out = append(out, s.Text)
	}
	return out
}
