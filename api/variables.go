package api

// LeadVariables are lemlist's default lead variables (Add Lead Variables
// page, plus jobTitle and timezone that the create-lead body accepts).
func LeadVariables() []string {
	return []string{
		"email", "firstName", "lastName", "picture", "phone", "linkedinUrl",
		"companyName", "companyDomain", "icebreaker", "jobTitle", "timezone",
	}
}

// SenderVariables are the sender-side variables lemlist fills from the
// sending user's profile. lemlist publishes no list; these are the ones its
// own examples use.
func SenderVariables() []string {
	return []string{
		"senderName", "senderFirstName", "senderLastName", "senderEmail",
		"senderCompanyName", "signature",
	}
}

// LiquidFilter is a Liquid filter copy uses, and whether it takes an
// argument ("default: …").
type LiquidFilter struct {
	Name string
	Arg  bool
}

// LiquidFilters are the filters offered after "|", the most used first.
func LiquidFilters() []LiquidFilter {
	return []LiquidFilter{
		{"default", true}, {"capitalize", false}, {"downcase", false}, {"upcase", false},
		{"strip", false}, {"truncate", true}, {"truncatewords", true}, {"append", true},
		{"prepend", true}, {"replace", true}, {"first", false}, {"date", true},
	}
}
