// Contribution API: mutations, their inputs and results (domain logic in src/contribute/).
import "./results";
import "./inputs";
import "./mutations";
