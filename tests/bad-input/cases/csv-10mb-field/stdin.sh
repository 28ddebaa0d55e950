printf 'id,birth,sex,plan,collective,backpay\nBIG,1980-01,,'
head -c 10000000 /dev/zero | tr '\0' '9'
printf ',,\nB2,1980-01,female,,,5:1000\n'
