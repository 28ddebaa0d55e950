printf 'id,birth,sex,plan,collective,backpay\n'
printf '%s,1980-01,female,,,5:1000\n' "$(printf 'x%.0s' $(seq 1000))"
printf 'B64,1980-01%s,female,,,5:1000\n' "$(printf %057d 0)"
